using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// The membership and state check of every workspace request and of every job: one statement, one round trip, read
/// straight from Npgsql on the scope's connection. It is the hottest read of the application, and EF Core's own work
/// per call (query context, command building, shaping), even for a compiled query, cost more CPU than the statement
/// itself (profiles in docs/performance.md). The SQL is the one EF Core generated for the LINQ query it replaces.
/// </summary>
internal sealed class WorkspaceAccessReader(AppDbContext db) : IWorkspaceAccessReader
{
    private const string Sql = """
        SELECT w.deleted_at IS NOT NULL,
               (SELECT m.role FROM memberships AS m WHERE w.id = m.workspace_id AND m.user_id = $2 LIMIT 1),
               w.suspended_at IS NOT NULL,
               w.require_mfa,
               EXISTS (SELECT 1 FROM users AS u WHERE u.id = $2 AND u.email_verified_at IS NOT NULL),
               EXISTS (SELECT 1 FROM users AS u WHERE u.id = $2 AND u.totp_enabled_at IS NOT NULL)
        FROM workspaces AS w
        WHERE w.id = $1
        LIMIT 1
        """;

    public async Task<WorkspaceAccess?> GetAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken)
    {
        // Opened here, the connection stays with the scope: the handler's queries that follow reuse it instead of
        // renting one from the pool per query. It returns to the pool when the scope ends.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Parameters = { new() { Value = workspaceId }, new() { Value = userId ?? Guid.Empty } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new WorkspaceAccess(
            reader.GetBoolean(0),
            reader.IsDBNull(1) ? null : Enum.Parse<Role>(reader.GetString(1)),
            reader.GetBoolean(2),
            reader.GetBoolean(3),
            reader.GetBoolean(4),
            reader.GetBoolean(5));
    }
}
