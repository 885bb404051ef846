using System.Data.Common;
using System.Runtime.CompilerServices;
using IaGenify.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IaGenify.Infrastructure.Security.Revocations;

/// <summary>
/// Makes revocation state-driven: whatever code revokes a refresh-token family, erases or suspends a user (or lifts a
/// suspension) through the unit of work, the saved change is announced with <c>pg_notify</c> on the same connection. Inside a transaction the
/// notification leaves at commit and never after a rollback, so a listener can trust its payload. This replica applies
/// the batch itself once it is committed, so the next request here is refused without waiting for the round trip.
/// </summary>
public sealed class AccessRevocationInterceptor(AccessRevocationSet revocations) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<AccessRevocationBatch>> _awaitingCommit = new();
    private readonly ConditionalWeakTable<DbContext, AccessRevocationBatch> _saving = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Collect(context.ChangeTracker) is { IsEmpty: false } batch)
            _saving.AddOrUpdate(context, batch);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Collect(context.ChangeTracker) is { IsEmpty: false } batch)
            _saving.AddOrUpdate(context, batch);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_saving.TryGetValue(context, out var batch))
            return result;
        _saving.Remove(context);
        await context.Database.ExecuteSqlAsync($"SELECT pg_notify({AccessRevocationBatch.Channel}, {batch.ToPayload()})", cancellationToken);
        ApplyOrAwaitCommit(context, batch);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } context || !_saving.TryGetValue(context, out var batch))
            return result;
        _saving.Remove(context);
        context.Database.ExecuteSql($"SELECT pg_notify({AccessRevocationBatch.Channel}, {batch.ToPayload()})");
        ApplyOrAwaitCommit(context, batch);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
            _saving.Remove(context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A pooled context may carry batches of a transaction that ended without a commit or rollback event.
        if (eventData.Context is { } context)
            _awaitingCommit.Remove(context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is not { } context || !_awaitingCommit.TryGetValue(context, out var batches))
            return;
        _awaitingCommit.Remove(context);
        foreach (var batch in batches)
            revocations.Apply(batch);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
            _awaitingCommit.Remove(context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void ApplyOrAwaitCommit(DbContext context, AccessRevocationBatch batch)
    {
        if (context.Database.CurrentTransaction is null)
            revocations.Apply(batch);
        else
            _awaitingCommit.GetOrCreateValue(context).Add(batch);
    }

    private static AccessRevocationBatch Collect(ChangeTracker tracker)
    {
        var sessions = tracker.Entries<RefreshToken>()
            .Where(e => e.Entity.RevokedAt is not null && BecameSet(e, nameof(RefreshToken.RevokedAt)))
            .Select(e => (e.Entity.FamilyId, e.Entity.RevokedAt!.Value))
            .DistinctBy(s => s.FamilyId)
            .ToList();
        var userEntries = tracker.Entries<User>().ToList();
        var users = userEntries
            .Where(e => e.Entity.DeletedAt is not null && BecameSet(e, nameof(User.DeletedAt)))
            .Select(e => (e.Entity.Id, e.Entity.DeletedAt!.Value))
            .Concat(userEntries
                .Where(e => e.Entity.SuspendedAt is not null && BecameSet(e, nameof(User.SuspendedAt)))
                .Select(e => (e.Entity.Id, e.Entity.SuspendedAt!.Value)))
            .ToList();
        var reinstated = userEntries
            .Where(e => e.State == EntityState.Modified && e.Entity.SuspendedAt is null
                && e.Property(nameof(User.SuspendedAt)) is { IsModified: true, OriginalValue: DateTimeOffset })
            .Select(e => (e.Entity.Id, (DateTimeOffset)e.Property(nameof(User.SuspendedAt)).OriginalValue!))
            .ToList();
        return new AccessRevocationBatch(sessions, users, reinstated);
    }

    private static bool BecameSet(EntityEntry entry, string property) => entry.State switch
    {
        EntityState.Added => true,
        EntityState.Modified => entry.Property(property).IsModified && entry.Property(property).OriginalValue is null,
        _ => false,
    };
}
