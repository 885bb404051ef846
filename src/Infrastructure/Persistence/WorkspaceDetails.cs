using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Domain.Workspaces;
using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// <see cref="IWorkspaceDetails"/> read straight from Npgsql, like <see cref="WorkspaceAccessReader"/> and for the same
/// reason: it is the read of the benchmarked <c>GET /workspaces/{id}</c>, and EF Core's per-call work cost more CPU than
/// the statement. It is only needed when the membership check did not already carry the row.
/// </summary>
internal sealed class WorkspaceDetails(NpgsqlDataSource dataSource) : IWorkspaceDetails
{
    private const string Sql = """
        SELECT w.id, w.name, w.created_at, w.deleted_at, w.purge_after, w.require_mfa
        FROM workspaces AS w
        WHERE w.id = $1
        LIMIT 1
        """;

    public async Task<WorkspaceDto?> GetAsync(Guid workspaceId, Role callerRole, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = workspaceId } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new WorkspaceDto(
            reader.GetGuid(0),
            reader.GetString(1),
            callerRole,
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetBoolean(5));
    }
}
