using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>A token mailed to a user (email verification, password reset). Works once, until it expires.</summary>
public sealed class OneTimeToken : Entity
{
    private OneTimeToken()
    {
        TokenHash = string.Empty;
    }

    public Guid UserId { get; private set; }
    public OneTimeTokenPurpose Purpose { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static OneTimeToken Issue(Guid userId, OneTimeTokenPurpose purpose, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        UserId = userId,
        Purpose = purpose,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Consume(DateTimeOffset now)
    {
        if (!IsUsable(now))
            throw new BusinessRuleException("token.invalid", "This link is invalid or has expired.");
        UsedAt = now;
    }
}
