using IaGenify.Domain.Common;

namespace IaGenify.Domain.Workspaces;

/// <summary>
/// An owner's offer to hand a workspace to one of its admins. The admin accepts with the emailed token (stored
/// hashed); the offer works once, until it expires, and a newer offer cancels older ones.
/// </summary>
public sealed class OwnershipTransfer : Entity, ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private OwnershipTransfer()
    {
        TokenHash = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid FromUserId { get; private set; }
    public Guid ToUserId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public static OwnershipTransfer Offer(Guid workspaceId, Guid fromUserId, Guid toUserId, string tokenHash, DateTimeOffset now)
    {
        if (fromUserId == toUserId)
            throw new BusinessRuleException("ownership_transfer.self", "You already own this workspace.");
        return new OwnershipTransfer
        {
            WorkspaceId = workspaceId,
            FromUserId = fromUserId,
            ToUserId = toUserId,
            TokenHash = Guard.NotBlank(tokenHash, 64, nameof(tokenHash)),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && CancelledAt is null && now < ExpiresAt;

    public void Accept(Guid userId, DateTimeOffset now)
    {
        // Someone else holding the link learns nothing: the offer is answered as unknown.
        if (userId != ToUserId || !IsPending(now))
            throw new NotFoundException("Ownership transfer");
        AcceptedAt = now;
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;
}
