using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

/// <summary>
/// Credits reserved for an operation (a generation) until it succeeds (captured, possibly partially) or not
/// (released), or until its time to live passes (expired). It resolves exactly once.
/// </summary>
public sealed class CreditHold : Entity, ITenantOwned
{
    public const int MaxOperationLength = 60;

    private CreditHold()
    {
        Operation = string.Empty;
        Allocations = [];
    }

    internal CreditHold(Guid workspaceId, string operation, long amount, IReadOnlyList<GrantDraw> allocations,
        string? reference, DateTimeOffset now, TimeSpan timeToLive)
    {
        WorkspaceId = workspaceId;
        Operation = operation;
        Amount = amount;
        Allocations = [.. allocations];
        Reference = reference;
        Status = HoldStatus.Pending;
        CreatedAt = now;
        ExpiresAt = now + timeToLive;
    }

    public Guid WorkspaceId { get; private set; }
    public string Operation { get; private set; }
    public long Amount { get; private set; }
    public long Captured { get; private set; }
    public HoldStatus Status { get; private set; }

    /// <summary>The grants this hold reserved from, in burn-down order.</summary>
    public List<GrantDraw> Allocations { get; private set; }

    public string? Reference { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsPending => Status == HoldStatus.Pending;

    public bool IsPastTimeToLive(DateTimeOffset now) => now >= ExpiresAt;

    internal void Resolve(HoldStatus status, long captured, DateTimeOffset now)
    {
        if (!IsPending)
            throw new InvalidOperationException($"Hold {Id} is already {Status}.");
        Status = status;
        Captured = captured;
        ResolvedAt = now;
    }
}
