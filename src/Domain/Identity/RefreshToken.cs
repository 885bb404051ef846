using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>
/// One link in a rotation chain ("family"). Each token is exchanged at most once; presenting a token that
/// was already exchanged means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A refresh token must live for some time.");
        return new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool WasExchangedOrRevoked => UsedAt is not null || RevokedAt is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public void Exchange(DateTimeOffset now)
    {
        if (WasExchangedOrRevoked)
            throw new BusinessRuleException("refresh_token.reused", "This refresh token was already used.");
        if (IsExpired(now))
            throw new BusinessRuleException("refresh_token.expired", "This refresh token has expired.");
        UsedAt = now;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
