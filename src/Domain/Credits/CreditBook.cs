using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

/// <summary>
/// The ledger rules of one workspace, applied to its account and open grants (those with credits remaining) as
/// loaded under the account's lock. Every operation keeps three things in step: the grants, the account totals and
/// an append-only entry. New objects are collected in <see cref="NewGrants"/>, <see cref="NewHolds"/> and
/// <see cref="NewEntries"/> for the caller to persist.
/// </summary>
public sealed class CreditBook
{
    private readonly CreditAccount _account;
    private readonly List<CreditGrant> _grants;
    private readonly DateTimeOffset _now;
    private readonly List<CreditGrant> _newGrants = [];
    private readonly List<CreditHold> _newHolds = [];
    private readonly List<CreditEntry> _newEntries = [];

    public CreditBook(CreditAccount account, IEnumerable<CreditGrant> openGrants, DateTimeOffset now)
    {
        _account = account;
        _grants = openGrants.ToList();
        if (_grants.Any(g => g.WorkspaceId != account.WorkspaceId))
            throw new ArgumentException("Every grant must belong to the account's workspace.", nameof(openGrants));
        _now = now;
    }

    public Guid WorkspaceId => _account.WorkspaceId;
    public long Balance => _account.Balance;
    public long Reserved => _account.Reserved;
    public long Available => _account.Available;
    public IReadOnlyList<CreditGrant> NewGrants => _newGrants;
    public IReadOnlyList<CreditHold> NewHolds => _newHolds;
    public IReadOnlyList<CreditEntry> NewEntries => _newEntries;

    public CreditGrant Grant(GrantSource source, long amount, DateTimeOffset? expiresAt, int? priority,
        string? idempotencyKey, string? reference)
    {
        var grant = new CreditGrant(WorkspaceId, source, amount, priority ?? GrantPriorities.DefaultFor(source), expiresAt, reference, _now);
        _grants.Add(grant);
        _newGrants.Add(grant);
        _account.Apply(amount, 0, _now);
        var type = source == GrantSource.ManualAdjustment ? CreditEntryType.Adjustment : CreditEntryType.Grant;
        Record(type, amount, 0, grant.Id, null, [], idempotencyKey, reference);
        return grant;
    }

    /// <summary>Reserves credits for an operation, from grants in burn-down order. Refused whole when they do not fit.</summary>
    public CreditHold Reserve(string operation, long amount, TimeSpan timeToLive, string? idempotencyKey, string? reference)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A hold must reserve at least one credit.");
        if (string.IsNullOrWhiteSpace(operation) || operation.Length > CreditHold.MaxOperationLength)
            throw new ArgumentException("An operation name is required.", nameof(operation));
        var allocations = Draw(amount);
        foreach (var allocation in allocations)
            GrantOf(allocation).Reserve(allocation.Amount);
        _account.Apply(0, amount, _now);
        var hold = new CreditHold(WorkspaceId, operation, amount, allocations, reference, _now, timeToLive);
        _newHolds.Add(hold);
        Record(CreditEntryType.Hold, 0, amount, null, hold.Id, allocations, idempotencyKey, reference);
        return hold;
    }

    /// <summary>
    /// Charges <paramref name="amount"/> (at most the hold) and returns the rest. Capturing a captured hold again
    /// changes nothing and returns it as it is; a released or expired hold cannot be captured.
    /// </summary>
    public CreditHold Capture(CreditHold hold, long amount, string? idempotencyKey)
    {
        EnsureOwn(hold);
        if (hold.Status == HoldStatus.Captured)
            return hold;
        EnsurePending(hold, "captured");
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A capture must charge at least one credit; release the hold instead.");
        if (amount > hold.Amount)
            throw new BusinessRuleException("hold.capture_exceeds_hold", $"Cannot capture {amount} credits from a hold of {hold.Amount}.");

        var charged = new List<GrantDraw>();
        var returned = new List<GrantDraw>();
        var left = amount;
        foreach (var allocation in hold.Allocations)
        {
            var grant = GrantOf(allocation);
            var take = Math.Min(allocation.Amount, left);
            left -= take;
            if (take > 0)
            {
                grant.ConsumeReserved(take);
                charged.Add(allocation with { Amount = take });
            }
            if (allocation.Amount - take > 0)
            {
                grant.Unreserve(allocation.Amount - take);
                returned.Add(allocation with { Amount = allocation.Amount - take });
            }
        }
        _account.Apply(-amount, -hold.Amount, _now);
        hold.Resolve(HoldStatus.Captured, amount, _now);
        Record(CreditEntryType.Capture, -amount, -hold.Amount, null, hold.Id, charged, idempotencyKey, hold.Reference);
        WriteOffExpired(returned);
        return hold;
    }

    /// <summary>Returns every reserved credit. Releasing a released or expired hold again changes nothing.</summary>
    public CreditHold Release(CreditHold hold, string? idempotencyKey, string? reference = null)
    {
        EnsureOwn(hold);
        if (hold.Status is HoldStatus.Released or HoldStatus.Expired)
            return hold;
        if (hold.Status == HoldStatus.Captured)
            throw new BusinessRuleException("hold.captured", "This hold was already captured; it cannot be released.");
        Unwind(hold, HoldStatus.Released, idempotencyKey, reference ?? hold.Reference);
        return hold;
    }

    /// <summary>Debits credits that are not reserved, in burn-down order (a negative manual adjustment).</summary>
    public CreditEntry Debit(long amount, string? idempotencyKey, string? reference)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A debit must take at least one credit.");
        var draws = Draw(amount);
        foreach (var draw in draws)
            GrantOf(draw).ConsumeUnreserved(draw.Amount);
        _account.Apply(-amount, 0, _now);
        return Record(CreditEntryType.Adjustment, -amount, 0, null, null, draws, idempotencyKey, reference);
    }

    /// <summary>
    /// Writes off the unreserved remainder of every grant past its expiry, and expires pending holds past their
    /// time to live. Reserved parts of expired grants stay until their holds resolve, so available never goes
    /// below zero.
    /// </summary>
    public void ExpireDue(IEnumerable<CreditHold> pendingHolds)
    {
        foreach (var grant in _grants.Where(g => g.IsExpiredAt(_now) && g.ExpiredAt is null))
        {
            if (grant.Unreserved > 0)
                WriteOff(grant, grant.Unreserved);
            grant.MarkExpired(_now);
        }
        foreach (var hold in pendingHolds.Where(h => h.IsPending && h.IsPastTimeToLive(_now)))
        {
            EnsureOwn(hold);
            Unwind(hold, HoldStatus.Expired, null, "hold expired");
        }
    }

    private void Unwind(CreditHold hold, HoldStatus outcome, string? idempotencyKey, string? reference)
    {
        foreach (var allocation in hold.Allocations)
            GrantOf(allocation).Unreserve(allocation.Amount);
        _account.Apply(0, -hold.Amount, _now);
        hold.Resolve(outcome, 0, _now);
        Record(CreditEntryType.Release, 0, -hold.Amount, null, hold.Id, hold.Allocations, idempotencyKey, reference);
        WriteOffExpired(hold.Allocations);
    }

    /// <summary>Credits returned to a grant that has expired meanwhile are written off at once.</summary>
    private void WriteOffExpired(IEnumerable<GrantDraw> returned)
    {
        foreach (var draw in returned)
        {
            var grant = GrantOf(draw);
            if (grant.IsExpiredAt(_now))
            {
                WriteOff(grant, draw.Amount);
                grant.MarkExpired(_now);
            }
        }
    }

    private void WriteOff(CreditGrant grant, long amount)
    {
        grant.ConsumeUnreserved(amount);
        _account.Apply(-amount, 0, _now);
        Record(CreditEntryType.Expiry, -amount, 0, grant.Id, null, [new GrantDraw(grant.Id, amount)], null, "grant expired");
    }

    /// <summary>Picks unreserved credits of live grants in burn-down order, or refuses when they do not suffice.</summary>
    private List<GrantDraw> Draw(long amount)
    {
        var usable = CreditGrant.InBurnDownOrder(_grants.Where(g => !g.IsExpiredAt(_now) && g.Unreserved > 0)).ToList();
        var available = usable.Sum(g => g.Unreserved);
        if (amount > available)
            throw new InsufficientCreditsException(amount, available);
        var draws = new List<GrantDraw>();
        var left = amount;
        foreach (var grant in usable)
        {
            if (left == 0)
                break;
            var take = Math.Min(grant.Unreserved, left);
            draws.Add(new GrantDraw(grant.Id, take));
            left -= take;
        }
        return draws;
    }

    private CreditEntry Record(CreditEntryType type, long amount, long reservedDelta, Guid? grantId, Guid? holdId,
        IReadOnlyList<GrantDraw> draws, string? idempotencyKey, string? reference)
    {
        var entry = new CreditEntry(WorkspaceId, type, amount, reservedDelta, grantId, holdId, draws, idempotencyKey, reference, _now);
        _newEntries.Add(entry);
        return entry;
    }

    private CreditGrant GrantOf(GrantDraw draw) =>
        _grants.FirstOrDefault(g => g.Id == draw.GrantId)
        ?? throw new InvalidOperationException($"Grant {draw.GrantId} was not loaded with the account.");

    private void EnsureOwn(CreditHold hold)
    {
        if (hold.WorkspaceId != WorkspaceId)
            throw new ArgumentException("The hold belongs to another workspace.", nameof(hold));
    }

    private void EnsurePending(CreditHold hold, string action)
    {
        if (hold.IsPending && hold.IsPastTimeToLive(_now))
            throw new BusinessRuleException("hold.expired", $"This hold expired at {hold.ExpiresAt:O}; it can no longer be {action}.");
        if (!hold.IsPending)
            throw new BusinessRuleException(hold.Status == HoldStatus.Expired ? "hold.expired" : "hold.released",
                $"This hold was {hold.Status.ToString().ToLowerInvariant()}; it can no longer be {action}.");
    }
}
