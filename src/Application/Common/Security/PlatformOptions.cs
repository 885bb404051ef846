namespace IaGenify.Application.Common.Security;

/// <summary>Configuration section <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Emails of platform staff allowed to send platform-admin requests.</summary>
    public string[] AdminEmails { get; set; } = [];

    /// <summary>Base URL of the product, used in links sent by email.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public bool IsAdmin(string? email) =>
        email is not null && AdminEmails.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
}
