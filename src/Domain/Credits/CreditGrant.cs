using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

/// <summary>
/// A lot of credits. <see cref="Remaining"/> is what is not consumed yet; <see cref="Reserved"/> is the part of it
/// earmarked by pending holds. Only the unreserved part can be held, debited or written off at expiry.
/// Changed only through <see cref="CreditAccount"/>, which keeps the account's totals in step.
/// </summary>
public sealed class CreditGrant : Entity, ITenantOwned
{
    private CreditGrant() { }

    internal CreditGrant(Guid workspaceId, GrantSource source, long amount, int priority, DateTimeOffset? expiresAt,
        string? reference, DateTimeOffset now)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A grant must add at least one credit.");
        if (expiresAt <= now)
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A grant must not be expired already.");
        WorkspaceId = workspaceId;
        Source = source;
        Amount = amount;
        Remaining = amount;
        Priority = priority;
        ExpiresAt = expiresAt;
        Reference = reference;
        CreatedAt = now;
    }

    public Guid WorkspaceId { get; private set; }
    public GrantSource Source { get; private set; }
    public long Amount { get; private set; }
    public long Remaining { get; private set; }
    public long Reserved { get; private set; }
    public int Priority { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public string? Reference { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the unreserved remainder was written off; reserved parts are settled as their holds resolve.</summary>
    public DateTimeOffset? ExpiredAt { get; private set; }

    public long Unreserved => Remaining - Reserved;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Burn-down order: priority, then earliest expiry (never-expiring last), then oldest.</summary>
    public static IEnumerable<CreditGrant> InBurnDownOrder(IEnumerable<CreditGrant> grants) =>
        grants.OrderBy(g => g.Priority)
            .ThenBy(g => g.ExpiresAt ?? DateTimeOffset.MaxValue)
            .ThenBy(g => g.CreatedAt)
            .ThenBy(g => g.Id);

    internal void Reserve(long amount) => Reserved = Checked(Reserved + amount, Remaining, "reserve");

    internal void Unreserve(long amount) => Reserved = Checked(Reserved - amount, Remaining, "unreserve");

    /// <summary>Consumes credits that were reserved (a captured hold).</summary>
    internal void ConsumeReserved(long amount)
    {
        Reserved = Checked(Reserved - amount, Remaining, "consume reserved");
        Remaining = Checked(Remaining - amount, Amount, "consume reserved");
    }

    /// <summary>Consumes credits that were not reserved (a debit adjustment, an expiry write-off).</summary>
    internal void ConsumeUnreserved(long amount)
    {
        if (amount > Unreserved)
            throw new InvalidOperationException($"Grant {Id} cannot give {amount}; {Unreserved} are unreserved.");
        Remaining -= amount;
    }

    internal void MarkExpired(DateTimeOffset now) => ExpiredAt ??= now;

    private long Checked(long value, long max, string operation) =>
        value < 0 || value > max
            ? throw new InvalidOperationException($"Grant {Id}: {operation} would leave {value} outside 0..{max}.")
            : value;
}
