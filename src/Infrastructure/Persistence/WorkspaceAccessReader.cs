using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// The membership and state check of every workspace request and of every job: one statement, one round trip, read
/// straight from Npgsql on the scope's connection. It is the hottest read of the application, and EF Core's own work
/// per call (query context, command building, shaping), even for a compiled query, cost more CPU than the statement
/// itself (profiles in docs/performance.md). The membership and the caller's account are joined on their unique keys
/// (at most one row each), so PostgreSQL probes three indexes per check, not one per fact as subqueries would. The
/// workspace's own columns come with it (<see cref="AuthorizedWorkspace"/>): they are on the row the check reads anyway.
/// It takes a pooled connection of its own rather than the scope's EF Core context, so a request answered from the
/// check (<c>GET /workspaces/{id}</c>) never rents a context (<see cref="ScopedDbContext"/>).
/// </summary>
internal sealed class WorkspaceAccessReader(NpgsqlDataSource dataSource) : IWorkspaceAccessReader
{
    /// <summary>Also what the http benchmark's bare endpoint runs, so both sides of that comparison run the same SQL.</summary>
    internal const string Sql = """
        SELECT w.deleted_at, m.role, w.suspended_at IS NOT NULL, w.require_mfa,
               u.email_verified_at IS NOT NULL, u.totp_enabled_at IS NOT NULL, w.name, w.created_at, w.purge_after
        FROM workspaces AS w
        LEFT JOIN memberships AS m ON m.workspace_id = w.id AND m.user_id = $2
        LEFT JOIN users AS u ON u.id = $2
        WHERE w.id = $1
        LIMIT 1
        """;

    public async Task<WorkspaceAccess?> GetAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = workspaceId }, new() { Value = userId ?? Guid.Empty } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        DateTimeOffset? deletedAt = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
        var requiresMfa = reader.GetBoolean(3);
        return new WorkspaceAccess(
            deletedAt is not null,
            reader.IsDBNull(1) ? null : Enum.Parse<Role>(reader.GetString(1)),
            reader.GetBoolean(2),
            requiresMfa,
            reader.GetBoolean(4),
            reader.GetBoolean(5),
            new AuthorizedWorkspace(workspaceId, reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), deletedAt,
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), requiresMfa));
    }
}
