using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>
/// A token given to a user (email verification, password reset, email change, the second sign-in step). Works once,
/// until it expires.
/// </summary>
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

    /// <summary>What the token confirms, when its purpose needs more than the user (the new address of an email change).</summary>
    public string? Data { get; private set; }

    public const int MaxDataLength = 320;

    public static OneTimeToken Issue(Guid userId, OneTimeTokenPurpose purpose, string tokenHash, DateTimeOffset now, TimeSpan lifetime,
        string? data = null)
    {
        if (data is not null && data.Length > MaxDataLength)
            throw new ArgumentException($"Token data must be at most {MaxDataLength} characters.", nameof(data));
        if (purpose == OneTimeTokenPurpose.EmailChange && string.IsNullOrWhiteSpace(data))
            throw new ArgumentException("An email change token carries the new address.", nameof(data));
        return new OneTimeToken
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Data = data,
        };
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Consume(DateTimeOffset now)
    {
        if (!IsUsable(now))
            throw new BusinessRuleException("token.invalid", "This link is invalid or has expired.");
        UsedAt = now;
    }
}
