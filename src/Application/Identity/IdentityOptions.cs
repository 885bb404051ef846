namespace IaGenify.Application.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
}
