using IaGenify.Application.Exports.Ports;
using Npgsql;

namespace IaGenify.Infrastructure.Exports;

/// <summary>
/// Claims in one auto-committed statement: the row lock lives only while the statement runs, and the lease
/// (<c>lease_expires_at</c>) is what keeps other workers away afterwards. Exports of deleted workspaces wait.
/// </summary>
internal sealed class ExportQueue(NpgsqlDataSource dataSource) : IExportQueue
{
    private const string ClaimSql = """
        UPDATE exports AS e
        SET status = 'Running', started_at = @now, lease_expires_at = @lease_until, attempts = e.attempts + 1
        WHERE e.id = (
            SELECT x.id
            FROM exports AS x
            JOIN workspaces AS w ON w.id = x.workspace_id
            WHERE w.deleted_at IS NULL
              AND (x.status = 'Queued' OR (x.status = 'Running' AND x.lease_expires_at < @now))
            ORDER BY x.created_at, x.id
            LIMIT 1
            FOR UPDATE OF x SKIP LOCKED)
        RETURNING e.id, e.workspace_id, e.attempts
        """;

    public async Task<ClaimedExport?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now + lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ClaimedExport(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2));
    }
}
