namespace IaGenify.Application.Common.Security;

/// <summary>Platform-wide settings (<c>Platform:*</c>).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Emails of platform staff allowed to send platform-admin requests.</summary>
    public string[] AdminEmails { get; set; } = [];

    /// <summary>Base URL of this API and of the sites it serves (<c>/sites/{slug}/</c>).</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Base URL of the frontend that users open from emails (accept invitation, verify email, reset password) and that
    /// may frame previews. Empty means the frontend is served from <see cref="PublicUrl"/>.
    /// </summary>
    public string? AppUrl { get; set; }

    /// <summary>The frontend's base URL without a trailing slash.</summary>
    public string AppBaseUrl => (string.IsNullOrWhiteSpace(AppUrl) ? PublicUrl : AppUrl).TrimEnd('/');

    public bool IsAdmin(string? email) =>
        email is not null && AdminEmails.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
}
