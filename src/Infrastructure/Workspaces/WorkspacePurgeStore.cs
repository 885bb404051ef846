using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IaGenify.Infrastructure.Workspaces;

/// <summary>
/// Locks a workspace due for purge in a transaction of the scope's <see cref="AppDbContext"/>, so that what the
/// participants and the audit log stage on that context commits (or rolls back) with the deletion.
/// </summary>
internal sealed class WorkspacePurgeStore(AppDbContext db) : IWorkspacePurgeStore
{
    private const string LockSql = """
        SELECT id, deleted_at
        FROM workspaces
        WHERE deleted_at IS NOT NULL AND purge_after <= @now AND NOT (id = ANY(@skip))
        ORDER BY purge_after, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    public async Task<IWorkspacePurgeLock?> LockNextDueAsync(DateTimeOffset now, IReadOnlyCollection<Guid> skip,
        CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(LockSql, (NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction)transaction.GetDbTransaction());
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("skip", skip.ToArray());
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                    return new PurgeLock(db, transaction, reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
            }
            await transaction.DisposeAsync();
            return null;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private sealed class PurgeLock(AppDbContext db, IDbContextTransaction transaction, Guid workspaceId, DateTimeOffset deletedAt)
        : IWorkspacePurgeLock
    {
        public Guid WorkspaceId { get; } = workspaceId;
        public DateTimeOffset DeletedAt { get; } = deletedAt;

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            // The workspace's own trail holds actors' ids and addresses; only the purge record stays.
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE workspace_id = {WorkspaceId}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM workspaces WHERE id = {WorkspaceId}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
