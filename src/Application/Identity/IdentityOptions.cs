namespace IaGenify.Application.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long the mfaToken of a half-finished sign-in stays usable.</summary>
    public TimeSpan MfaLoginLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
