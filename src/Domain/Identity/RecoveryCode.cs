using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>One of the single-use codes that replace a lost authenticator. Only its hash is stored.</summary>
public sealed class RecoveryCode : Entity
{
    public const int CountPerEnrolment = 10;

    private RecoveryCode()
    {
        CodeHash = string.Empty;
    }

    public Guid UserId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static RecoveryCode Create(Guid userId, string codeHash, DateTimeOffset now) => new()
    {
        UserId = userId,
        CodeHash = Guard.NotBlank(codeHash, 64, nameof(codeHash)),
        CreatedAt = now,
    };

    public void Use(DateTimeOffset now)
    {
        if (UsedAt is not null)
            throw new BusinessRuleException("recovery_code.used", "This recovery code was already used.");
        UsedAt = now;
    }
}
