using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

/// <summary>
/// A workspace's running totals: <see cref="Balance"/> is the sum of its grants' remaining credits and
/// <see cref="Reserved"/> the sum of its pending holds. Its row is locked for every change, which serialises the
/// writers of one workspace. Changed only through <see cref="CreditBook"/>.
/// </summary>
public sealed class CreditAccount : Entity, ITenantOwned
{
    private CreditAccount() { }

    public Guid WorkspaceId { get; private set; }
    public long Balance { get; private set; }
    public long Reserved { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public long Available => Balance - Reserved;

    public static CreditAccount Open(Guid workspaceId, DateTimeOffset now) =>
        new() { WorkspaceId = workspaceId, CreatedAt = now, UpdatedAt = now };

    internal void Apply(long balanceDelta, long reservedDelta, DateTimeOffset now)
    {
        var balance = Balance + balanceDelta;
        var reserved = Reserved + reservedDelta;
        if (reserved < 0 || balance < reserved)
            throw new InvalidOperationException(
                $"Credit account of {WorkspaceId} would hold balance {balance} with {reserved} reserved.");
        Balance = balance;
        Reserved = reserved;
        UpdatedAt = now;
    }
}
