using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

public sealed class User : Entity
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;
    public const int MaxSuspensionReasonLength = 500;

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

    /// <summary>Set while platform staff keep the account out: it can neither sign in nor act, and neither can its API keys.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    /// <summary>The TOTP secret, encrypted by the application; set while enrolment is pending and once it is on.</summary>
    public string? TotpSecret { get; private set; }

    public DateTimeOffset? TotpEnabledAt { get; private set; }

    /// <summary>The time step of the last accepted code: a code of that step or an earlier one is never accepted again.</summary>
    public long? TotpLastStep { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;
    public bool IsTotpEnabled => TotpEnabledAt is not null;
    public bool IsDeleted => DeletedAt is not null;
    public bool IsSuspended => SuspendedAt is not null;

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

    /// <summary>The address changes once the new one proved it receives mail, so it counts as verified.</summary>
    public void ChangeEmail(string newEmail, DateTimeOffset now)
    {
        Email = Guard.NotBlank(EmailAddress.Normalize(newEmail), MaxEmailLength, nameof(newEmail));
        EmailVerifiedAt = now;
    }

    /// <summary>Stores a new secret awaiting its first code; a pending secret is replaced, an active one is not.</summary>
    public void BeginTotpEnrolment(string protectedSecret)
    {
        if (IsTotpEnabled)
            throw new BusinessRuleException("mfa.already_enabled", "Two-factor authentication is already on. Turn it off first to enrol a new device.");
        TotpSecret = Guard.NotBlank(protectedSecret, int.MaxValue, nameof(protectedSecret));
        TotpLastStep = null;
    }

    public void ConfirmTotp(long acceptedStep, DateTimeOffset now)
    {
        if (TotpSecret is null || IsTotpEnabled)
            throw new BusinessRuleException("mfa.not_pending", "There is no two-factor enrolment to confirm. Start one first.");
        TotpEnabledAt = now;
        TotpLastStep = acceptedStep;
    }

    /// <summary>Accepts a code's time step once: a step at or before the last accepted one is a replay.</summary>
    public bool TryAcceptTotpStep(long step)
    {
        if (!IsTotpEnabled || step <= (TotpLastStep ?? long.MinValue))
            return false;
        TotpLastStep = step;
        return true;
    }

    public void DisableTotp()
    {
        if (!IsTotpEnabled)
            throw new BusinessRuleException("mfa.not_enabled", "Two-factor authentication is not on.");
        TotpSecret = null;
        TotpEnabledAt = null;
        TotpLastStep = null;
    }

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
        TotpSecret = null;
        TotpEnabledAt = null;
        TotpLastStep = null;
        // Staff may have written about the person; the suspension itself stays, as nobody can sign in anyway.
        SuspensionReason = null;
        DeletedAt = now;
    }

    /// <summary>
    /// Platform staff keep the account out (abuse, fraud, legal holds). A staff member cannot suspend their own account:
    /// nobody would be left signed in to notice, and staff lifting each other's suspensions is the only way back.
    /// </summary>
    public void Suspend(string reason, Guid suspendedBy, DateTimeOffset now)
    {
        if (IsDeleted)
            throw new BusinessRuleException("user.deleted", "This account is deleted.");
        if (suspendedBy == Id)
            throw new BusinessRuleException("user.cannot_suspend_self", "You cannot suspend your own account.");
        if (IsSuspended)
            throw new BusinessRuleException("user.already_suspended", "The account is already suspended.");
        SuspensionReason = Guard.NotBlank(reason, MaxSuspensionReasonLength, nameof(reason));
        SuspendedAt = now;
    }

    public void Unsuspend()
    {
        if (!IsSuspended)
            throw new BusinessRuleException("user.not_suspended", "The account is not suspended.");
        SuspendedAt = null;
        SuspensionReason = null;
    }

    /// <summary>What every way of obtaining a session or acting on the account's behalf checks first.</summary>
    public void EnsureNotSuspended()
    {
        if (IsSuspended)
            throw new AccountSuspendedException();
    }
}
