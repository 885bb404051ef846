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
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;
    public bool IsDeleted => DeletedAt is not null;

    /// <summary>
    /// The address a deleted account keeps: unique per user (so the unique index holds and the real address is
    /// free to register again) and unroutable (the <c>.invalid</c> top-level domain is reserved by RFC 2606).
    /// </summary>
    public static string ErasedEmail(Guid userId) => $"deleted-{userId:N}@deleted.invalid";

    public const string ErasedDisplayName = "Deleted user";

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

    /// <summary>
    /// Removes the personal data of the account (GDPR erasure). The row stays so that pseudonymous references
    /// (audit entries, "invited by") keep pointing at one id; nobody can sign in to it again.
    /// </summary>
    public void Erase(string unusablePasswordHash, DateTimeOffset now)
    {
        if (IsDeleted)
            throw new BusinessRuleException("user.deleted", "This account is already deleted.");
        Email = ErasedEmail(Id);
        DisplayName = ErasedDisplayName;
        PasswordHash = Guard.NotBlank(unusablePasswordHash, int.MaxValue, nameof(unusablePasswordHash));
        EmailVerifiedAt = null;
        DeletedAt = now;
    }
}
