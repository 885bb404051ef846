using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

public sealed class User : Entity
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    private User()
    {
        Email = DisplayName = PasswordHash = string.Empty;
    }

    public string Email { get; private set; }
    public string DisplayName { get; private set; }
    public string PasswordHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    public static User Register(string email, string displayName, string passwordHash, DateTimeOffset now) => new()
    {
        Email = Guard.NotBlank(EmailAddress.Normalize(email), MaxEmailLength, nameof(email)),
        DisplayName = Guard.NotBlank(displayName, MaxDisplayNameLength, nameof(displayName)),
        PasswordHash = Guard.NotBlank(passwordHash, int.MaxValue, nameof(passwordHash)),
        CreatedAt = now,
    };

    public void MarkEmailVerified(DateTimeOffset now) => EmailVerifiedAt ??= now;

    public void ChangePasswordHash(string passwordHash) =>
        PasswordHash = Guard.NotBlank(passwordHash, int.MaxValue, nameof(passwordHash));

    public void Rename(string displayName) =>
        DisplayName = Guard.NotBlank(displayName, MaxDisplayNameLength, nameof(displayName));
}
