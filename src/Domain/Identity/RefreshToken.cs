using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>
/// One link in a rotation chain ("family"). Each token is exchanged at most once; presenting a token that
/// was already exchanged means it leaked, so the whole family is revoked. A family is what the user sees as a
/// session: every link carries when the family started and the coarse client and network of its latest use.
/// </summary>
public sealed class RefreshToken : Entity
{
    public const int MaxClientLength = 100;
    public const int MaxNetworkLength = 50;

    private RefreshToken()
    {
        TokenHash = Client = Network = string.Empty;
    }

    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the first token of the family was issued: the session's sign-in time.</summary>
    public DateTimeOffset FamilyCreatedAt { get; private set; }

    /// <summary>Browser family and operating system ("Firefox on Linux"), never the raw User-Agent.</summary>
    public string Client { get; private set; }

    /// <summary>The client address truncated to its /24 (IPv4) or /48 (IPv6) network.</summary>
    public string Network { get; private set; }

    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime,
        string client = "Unknown client", string network = "unknown") =>
        Create(userId, familyId, now, tokenHash, now, lifetime, client, network);

    /// <summary>The next link of this family, issued when this one is exchanged.</summary>
    public RefreshToken Successor(string tokenHash, DateTimeOffset now, TimeSpan lifetime, string client, string network) =>
        Create(UserId, FamilyId, FamilyCreatedAt, tokenHash, now, lifetime, client, network);

    private static RefreshToken Create(Guid userId, Guid familyId, DateTimeOffset familyCreatedAt, string tokenHash,
        DateTimeOffset now, TimeSpan lifetime, string client, string network)
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
            FamilyCreatedAt = familyCreatedAt,
            Client = Truncate(client, MaxClientLength),
            Network = Truncate(network, MaxNetworkLength),
        };
    }

    private static string Truncate(string value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "unknown" : value.Length <= maxLength ? value : value[..maxLength];

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
