using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Events;
using IaGenify.Infrastructure.Persistence;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Credits;

/// <summary>
/// Runs ledger operations inside the scope's unit of work: opens its transaction, locks the workspace's account row
/// (<c>SELECT … FOR UPDATE</c>), answers a known idempotency key with its first result, otherwise lets
/// <see cref="CreditBook"/> apply the rules and stages what it produced. The caller's SaveChanges commits.
/// Every query names its workspace explicitly, so the ledger also works for workers outside a workspace request.
/// </summary>
internal sealed class CreditLedgerStore(
    AppDbContext db,
    TimeProvider clock,
    IOptions<CreditOptions> options,
    TypeAdapterConfig mappings,
    IEventPublisher events,
    IaGenifyMetrics metrics) : ICreditLedger
{
    private static readonly string[] TenantFilter = [AppDbContext.TenantFilter];

    // The reads every ledger operation makes under the account lock, compiled: each job's capture runs them, and
    // building their cache keys was a measurable share of a worker's CPU.
    private static readonly Func<AppDbContext, Guid, string, CancellationToken, Task<CreditEntry?>> EntryByKey =
        EF.CompileAsyncQuery((AppDbContext context, Guid workspaceId, string key, CancellationToken _) =>
            context.CreditEntries.IgnoreQueryFilters(TenantFilter).AsNoTracking()
                .FirstOrDefault(e => e.WorkspaceId == workspaceId && e.IdempotencyKey == key));

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<CreditGrant>> OpenGrants =
        EF.CompileAsyncQuery((AppDbContext context, Guid workspaceId) =>
            context.CreditGrants.IgnoreQueryFilters(TenantFilter).Where(g => g.WorkspaceId == workspaceId && g.Remaining > 0));

    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<CreditHold?>> HoldById =
        EF.CompileAsyncQuery((AppDbContext context, Guid workspaceId, Guid holdId, CancellationToken _) =>
            context.CreditHolds.IgnoreQueryFilters(TenantFilter).FirstOrDefault(h => h.WorkspaceId == workspaceId && h.Id == holdId));

    public async Task<LedgerResult<CreditHoldDto>> ReserveAsync(Guid workspaceId, string operation, long amount, string idempotencyKey,
        string? reference, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey, cancellationToken);
        if (session.FirstResult is { } first)
        {
            Expect(first.Type == CreditEntryType.Hold && first.ReservedDelta == amount);
            return Replay(await HoldAsync(workspaceId, first.HoldId!.Value, cancellationToken));
        }
        var hold = session.Book.Reserve(operation, amount, options.Value.HoldTtl, idempotencyKey, reference);
        Stage(session);
        return new(hold.Adapt<CreditHoldDto>(mappings), Replayed: false);
    }

    public async Task<LedgerResult<CreditHoldDto>> CaptureAsync(Guid workspaceId, Guid holdId, long amount, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey, cancellationToken);
        var hold = await HoldAsync(workspaceId, holdId, cancellationToken);
        if (session.FirstResult is { } first)
        {
            Expect(first.Type == CreditEntryType.Capture && first.HoldId == holdId);
            return Replay(hold);
        }
        var wasPending = hold.IsPending;
        session.Book.Capture(hold, amount, idempotencyKey);
        Stage(session);
        if (wasPending)
            metrics.CreditsConsumed(hold.Captured, hold.Operation);
        return new(hold.Adapt<CreditHoldDto>(mappings), Replayed: false);
    }

    public async Task<LedgerResult<CreditHoldDto>> ReleaseAsync(Guid workspaceId, Guid holdId, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey, cancellationToken);
        var hold = await HoldAsync(workspaceId, holdId, cancellationToken);
        if (session.FirstResult is { } first)
        {
            Expect(first.Type == CreditEntryType.Release && first.HoldId == holdId);
            return Replay(hold);
        }
        session.Book.Release(hold, idempotencyKey);
        Stage(session);
        return new(hold.Adapt<CreditHoldDto>(mappings), Replayed: false);
    }

    public async Task<LedgerResult<CreditGrantDto>> GrantAsync(Guid workspaceId, CreditGrantRequest grant, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey, cancellationToken);
        if (session.FirstResult is { } first)
        {
            Expect(first.GrantId is not null && first.Amount == grant.Amount);
            var existing = await db.CreditGrants.IgnoreQueryFilters(TenantFilter)
                .SingleAsync(g => g.WorkspaceId == workspaceId && g.Id == first.GrantId, cancellationToken);
            return Replay(existing);
        }
        var created = session.Book.Grant(grant.Source, grant.Amount, grant.ExpiresAt, grant.Priority, idempotencyKey, grant.Reference);
        Stage(session);
        return new(created.Adapt<CreditGrantDto>(mappings), Replayed: false);
    }

    public async Task<LedgerResult<CreditEntryDto>> DebitAsync(Guid workspaceId, long amount, string idempotencyKey, string? reference,
        CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey, cancellationToken);
        if (session.FirstResult is { } first)
        {
            Expect(first.Type == CreditEntryType.Adjustment && first.Amount == -amount);
            return Replay(first);
        }
        var entry = session.Book.Debit(amount, idempotencyKey, reference);
        Stage(session);
        metrics.CreditsConsumed(amount, "adjustment");
        return new(entry.Adapt<CreditEntryDto>(mappings), Replayed: false);
    }

    public async Task PrepareAsync(IReadOnlyCollection<Guid> workspaceIds, IReadOnlyCollection<Guid> holdIds,
        IReadOnlyCollection<(Guid WorkspaceId, string Key)> idempotencyKeys, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var workspaces = workspaceIds.Distinct().Order().ToArray();
        var holdsWanted = holdIds.ToArray();
        var keys = idempotencyKeys.Where(k => workspaces.Contains(k.WorkspaceId)).Distinct().ToList();
        // In workspace order, like every batch: two batches never hold each other's accounts.
        var accounts = await db.CreditAccounts
            .FromSqlRaw("SELECT * FROM credit_accounts WHERE workspace_id = ANY({0}) ORDER BY workspace_id FOR UPDATE", workspaces)
            .IgnoreQueryFilters(TenantFilter)
            .ToListAsync(cancellationToken);
        // One index probe per (workspace, key) pair: "workspace_id = ANY(…) AND idempotency_key = ANY(…)" was planned as
        // a scan of every entry of those workspaces (9 ms a batch at 30,000 entries), under the account locks.
        var entries = await db.CreditEntries
            .FromSqlRaw(
                """
                SELECT e.* FROM credit_entries AS e
                JOIN unnest({0}::uuid[], {1}::text[]) AS k(workspace_id, idempotency_key)
                  ON e.workspace_id = k.workspace_id AND e.idempotency_key = k.idempotency_key
                """,
                keys.Select(k => k.WorkspaceId).ToArray(), keys.Select(k => k.Key).ToArray())
            .IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .ToListAsync(cancellationToken);
        var grants = await db.CreditGrants.IgnoreQueryFilters(TenantFilter)
            .Where(g => workspaces.Contains(g.WorkspaceId) && g.Remaining > 0)
            .ToListAsync(cancellationToken);
        var holds = await db.CreditHolds.IgnoreQueryFilters(TenantFilter)
            .Where(h => workspaces.Contains(h.WorkspaceId) && holdsWanted.Contains(h.Id))
            .ToListAsync(cancellationToken);
        _prepared = new Prepared(
            accounts.ToDictionary(a => a.WorkspaceId),
            holds.ToDictionary(h => h.Id),
            keys.ToHashSet(),
            entries.ToDictionary(e => (e.WorkspaceId, e.IdempotencyKey!)),
            grants);
    }

    public async Task ExpireDueAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(workspaceId, idempotencyKey: null, cancellationToken, sweep: true);
        Stage(session);
    }

    /// <summary>
    /// What <see cref="PrepareAsync"/> read under the locks it took, tracked, and what the writes after it staged: the
    /// next write works on it in memory. Not the unit of work's <c>Local</c> views, which detect the changes of every
    /// tracked entity on each use: a batch's later jobs would pay for all the earlier ones.
    /// </summary>
    private sealed record Prepared(
        Dictionary<Guid, CreditAccount> Accounts,
        Dictionary<Guid, CreditHold> Holds,
        HashSet<(Guid WorkspaceId, string Key)> Keys,
        Dictionary<(Guid WorkspaceId, string Key), CreditEntry> Entries,
        List<CreditGrant> Grants);

    private Prepared? _prepared;

    /// <param name="AvailableBefore">What was available when the lock was taken, before anything was applied.</param>
    private sealed record Session(CreditBook Book, CreditEntry? FirstResult, long AvailableBefore);

    private async Task<Session> OpenAsync(Guid workspaceId, string? idempotencyKey, CancellationToken cancellationToken, bool sweep = false)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!sweep && _prepared is { } prepared && prepared.Accounts.TryGetValue(workspaceId, out var preparedAccount))
            return await OpenPreparedAsync(prepared, preparedAccount, idempotencyKey, now, cancellationToken);
        var account = await LockAccountAsync(workspaceId, now, cancellationToken);
        var availableBefore = account.Available;

        // Looked up under the lock: a concurrent request with the same key waits for the first and then finds it.
        var first = idempotencyKey is null ? null : await EntryByKey(db, workspaceId, idempotencyKey, cancellationToken);

        var grants = await OpenGrants(db, workspaceId).ToListAsync(cancellationToken);
        // Grants staged earlier in this unit of work are not in the database yet.
        grants.AddRange(db.CreditGrants.Local.Where(g => g.WorkspaceId == workspaceId && g.Remaining > 0).Except(grants));
        // Holds past their time to live are only loaded by the sweep: they stay reserved until it runs, which errs
        // on the safe side, and keeps one query off every write. Expired grants are written off here, in memory.
        var dueHolds = sweep
            ? await db.CreditHolds.IgnoreQueryFilters(TenantFilter)
                .Where(h => h.WorkspaceId == workspaceId && h.Status == HoldStatus.Pending && h.ExpiresAt <= now)
                .ToListAsync(cancellationToken)
            : [];

        var book = new CreditBook(account, grants, now);
        book.ExpireDue(dueHolds);
        return new Session(book, first, availableBefore);
    }

    /// <summary>
    /// A session on what <see cref="PrepareAsync"/> read: the account it locked, the open grants (with what earlier
    /// writes of this unit of work did to them, and the ones they added), and the keys it looked up, or staged since.
    /// </summary>
    private async Task<Session> OpenPreparedAsync(Prepared prepared, CreditAccount account, string? idempotencyKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var workspaceId = account.WorkspaceId;
        var first = idempotencyKey is null ? null
            : prepared.Entries.GetValueOrDefault((workspaceId, idempotencyKey))
              ?? (prepared.Keys.Contains((workspaceId, idempotencyKey)) ? null : await EntryByKey(db, workspaceId, idempotencyKey, cancellationToken));
        var availableBefore = account.Available;
        var book = new CreditBook(account, prepared.Grants.Where(g => g.WorkspaceId == workspaceId && g.Remaining > 0), now);
        // As when a session reads for itself: grants past their expiry are written off, in memory.
        book.ExpireDue([]);
        return new Session(book, first, availableBefore);
    }

    private async Task<CreditAccount> LockAccountAsync(Guid workspaceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var locked = await LockedAccount(workspaceId).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO credit_accounts (id, workspace_id, balance, reserved, created_at, updated_at)
                VALUES ({Guid.CreateVersion7()}, {workspaceId}, 0, 0, {now}, {now})
                ON CONFLICT (workspace_id) DO NOTHING
                """, cancellationToken);
            locked = await LockedAccount(workspaceId).ToListAsync(cancellationToken);
        }
        return locked.Single();
    }

    private IQueryable<CreditAccount> LockedAccount(Guid workspaceId) =>
        db.CreditAccounts.FromSqlInterpolated($"SELECT * FROM credit_accounts WHERE workspace_id = {workspaceId} FOR UPDATE")
            .IgnoreQueryFilters(TenantFilter);

    private async Task<CreditHold> HoldAsync(Guid workspaceId, Guid holdId, CancellationToken cancellationToken) =>
        (_prepared?.Holds.GetValueOrDefault(holdId) is { } prepared && prepared.WorkspaceId == workspaceId
            ? prepared
            : await HoldById(db, workspaceId, holdId, cancellationToken))
        ?? throw new NotFoundException("Credit hold");

    private void Stage(Session session)
    {
        var book = session.Book;
        db.CreditGrants.AddRange(book.NewGrants);
        db.CreditHolds.AddRange(book.NewHolds);
        db.CreditEntries.AddRange(book.NewEntries);
        if (_prepared is { } prepared && prepared.Accounts.ContainsKey(book.WorkspaceId))
        {
            prepared.Grants.AddRange(book.NewGrants);
            foreach (var hold in book.NewHolds)
                prepared.Holds[hold.Id] = hold;
            foreach (var entry in book.NewEntries.Where(e => e.IdempotencyKey is not null))
                prepared.Entries[(entry.WorkspaceId, entry.IdempotencyKey!)] = entry;
        }
        // Staged in the same unit of work, so the event exists only if the change that caused it commits.
        var threshold = options.Value.LowBalanceThreshold;
        if (threshold > 0 && session.AvailableBefore >= threshold && book.Available < threshold)
            events.Publish(book.WorkspaceId, EventTypes.CreditsLow, new CreditsLowData(book.Available, threshold));
    }

    private LedgerResult<TDto> Replay<TDto>(object first) => new(first.Adapt<TDto>(mappings), Replayed: true);

    private LedgerResult<CreditHoldDto> Replay(CreditHold hold) => Replay<CreditHoldDto>(hold);

    private LedgerResult<CreditGrantDto> Replay(CreditGrant grant) => Replay<CreditGrantDto>(grant);

    private LedgerResult<CreditEntryDto> Replay(CreditEntry entry) => Replay<CreditEntryDto>(entry);

    private static void Expect(bool sameRequest)
    {
        if (!sameRequest)
            throw new IdempotencyKeyReusedException();
    }
}
