using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

/// <summary>
/// One line of a workspace's credit history. Append-only: never updated or deleted; a correction is a new entry.
/// <see cref="Amount"/> is the signed change of the balance (so all amounts add up to the balance) and
/// <see cref="ReservedDelta"/> the signed change of the reserved total (so they add up to what is reserved).
/// </summary>
public sealed class CreditEntry : Entity, ITenantOwned
{
    public const int MaxIdempotencyKeyLength = 200;
    public const int MaxReferenceLength = 200;

    private CreditEntry()
    {
        Draws = [];
    }

    internal CreditEntry(Guid workspaceId, CreditEntryType type, long amount, long reservedDelta, Guid? grantId,
        Guid? holdId, IReadOnlyList<GrantDraw> draws, string? idempotencyKey, string? reference, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        Type = type;
        Amount = amount;
        ReservedDelta = reservedDelta;
        GrantId = grantId;
        HoldId = holdId;
        Draws = [.. draws];
        IdempotencyKey = idempotencyKey;
        Reference = reference;
        CreatedAt = now;
    }

    public Guid WorkspaceId { get; private set; }
    public CreditEntryType Type { get; private set; }
    public long Amount { get; private set; }
    public long ReservedDelta { get; private set; }
    public Guid? GrantId { get; private set; }
    public Guid? HoldId { get; private set; }

    /// <summary>For debits and write-offs: the grants the credits came from.</summary>
    public List<GrantDraw> Draws { get; private set; }

    public string? IdempotencyKey { get; private set; }
    public string? Reference { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
