using IaGenify.Application.Common.Idempotency;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Idempotency;

/// <summary>
/// Claims a key inside a transaction on the scope's own <see cref="AppDbContext"/>: the command's
/// <c>SaveChangesAsync</c> joins it, and the stored response commits with the command's changes. A transaction-level
/// advisory lock on (scope, key) is what tells a duplicate arriving while the first is in flight (the lock is taken)
/// from a retry after it (the record exists), on every replica.
/// </summary>
internal sealed class IdempotencyStore(AppDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    public async Task<IIdempotencyClaim> ClaimAsync(IdempotencyRequest request, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var lockName = request.Scope + "\n" + request.Key;
            var locked = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({lockName}, 0)) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!locked)
                return await Claim.ReleasedAsync(transaction, IdempotencyOutcome.InFlight);

            var records = db.Set<IdempotencyRecord>().Where(r => r.Scope == request.Scope && r.Key == request.Key);
            var existing = await records.AsNoTracking()
                .Select(r => new { r.Fingerprint, r.Response, r.ExpiresAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null && existing.ExpiresAt > clock.GetUtcNow())
                return existing.Fingerprint == request.Fingerprint
                    ? await Claim.ReleasedAsync(transaction, IdempotencyOutcome.Replay, existing.Response)
                    : await Claim.ReleasedAsync(transaction, IdempotencyOutcome.Mismatch);
            // Expired but not swept yet: the key is free again.
            if (existing is not null)
                await records.ExecuteDeleteAsync(cancellationToken);
            return new Claim(transaction, IdempotencyOutcome.Acquired, null, async (response, ct) =>
            {
                db.Add(IdempotencyRecord.Create(request.Scope, request.Key, request.RequestType, request.Fingerprint, response,
                    clock.GetUtcNow(), options.Value.Retention));
                await db.SaveChangesAsync(ct);
            });
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes the records whose retention has passed; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed class Claim(
        IDbContextTransaction? transaction,
        IdempotencyOutcome outcome,
        string? storedResponse,
        Func<string, CancellationToken, Task>? store) : IIdempotencyClaim
    {
        private IDbContextTransaction? _transaction = transaction;

        public IdempotencyOutcome Outcome { get; } = outcome;
        public string? StoredResponse { get; } = storedResponse;

        /// <summary>A claim that decided without running the command: its transaction ends at once.</summary>
        public static async Task<IIdempotencyClaim> ReleasedAsync(IDbContextTransaction transaction, IdempotencyOutcome outcome,
            string? storedResponse = null)
        {
            await transaction.DisposeAsync();
            return new Claim(null, outcome, storedResponse, null);
        }

        public async Task CompleteAsync(string response, CancellationToken cancellationToken)
        {
            if (_transaction is null || store is null)
                throw new InvalidOperationException($"Only an acquired claim completes; this one is {Outcome}.");
            await store(response, cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
            await DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is null)
                return;
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }
}
