using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// The job queue on the <c>generations</c> table. Claims and lease renewals are single statements on their own
/// connection (autocommit); the locks that guard finishing and cancelling join the scope's unit of work. Times come
/// from the application clock, not the database's, so tests can move them.
/// </summary>
internal sealed class GenerationQueue(NpgsqlDataSource dataSource, AppDbContext db, TimeProvider clock, IOptionsMonitor<GenerationOptions> options)
    : IGenerationQueue
{
    private static readonly string[] TenantFilter = [AppDbContext.TenantFilter];

    // Every attempt reads its job once before calling the model: compiled, so EF Core does not rebuild the query's
    // cache key each time. The tenant filter applies (the request's workspace).
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Generation?>> ById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Set<Generation>().AsNoTracking().FirstOrDefault(g => g.Id == id));

    internal const string ClaimSql =
        """
        WITH due AS (
            SELECT id FROM generations
            WHERE status IN ('Queued', 'Running')
              AND ((status = 'Queued' AND run_after <= @now) OR (status = 'Running' AND lease_expires_at <= @now))
            ORDER BY run_after
            LIMIT @limit
            FOR UPDATE SKIP LOCKED)
        UPDATE generations AS g
        SET status = 'Running', attempts = g.attempts + 1, lease_token = @token, lease_expires_at = @until,
            started_at = COALESCE(g.started_at, @now)
        FROM due WHERE g.id = due.id
        RETURNING g.id, g.workspace_id, g.attempts
        """;

    public async Task<IReadOnlyList<ClaimedGeneration>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        command.Parameters.Add(new NpgsqlParameter("token", NpgsqlDbType.Uuid) { Value = token });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = now + options.CurrentValue.Lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedGeneration>();
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedGeneration(reader.GetGuid(0), reader.GetGuid(1), token, reader.GetInt32(2)));
        return claimed;
    }

    public async Task<bool> RenewLeaseAsync(Guid generationId, Guid leaseToken, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE generations SET lease_expires_at = @until WHERE id = @id AND lease_token = @token AND status = 'Running'");
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() + options.CurrentValue.Lease });
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = generationId });
        command.Parameters.Add(new NpgsqlParameter("token", NpgsqlDbType.Uuid) { Value = leaseToken });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlySet<Guid>> RenewLeasesAsync(IReadOnlyList<ClaimedGeneration> claimed, CancellationToken cancellationToken)
    {
        // Rows locked in id order, as finishing the batch locks them: an UPDATE would lock them in whatever order its
        // plan visits them, and a renewal firing while the batch finishes could then deadlock with it.
        await using var command = dataSource.CreateCommand(
            """
            WITH owned AS (
                SELECT g.id FROM generations AS g
                JOIN unnest(@ids, @tokens) AS c(id, lease_token) ON g.id = c.id AND g.lease_token = c.lease_token
                WHERE g.status = 'Running'
                ORDER BY g.id
                FOR UPDATE OF g)
            UPDATE generations AS g SET lease_expires_at = @until
            FROM owned WHERE g.id = owned.id
            RETURNING g.id
            """);
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() + options.CurrentValue.Lease });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = claimed.Select(c => c.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("tokens", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
        {
            Value = claimed.Select(c => c.LeaseToken).ToArray(),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var renewed = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
            renewed.Add(reader.GetGuid(0));
        return renewed;
    }

    public Task<Generation?> FindAsync(Guid generationId, CancellationToken cancellationToken) =>
        ById(db, generationId, cancellationToken);

    public async Task<IReadOnlyList<Generation>> FindClaimedAsync(IReadOnlyCollection<Guid> generationIds, CancellationToken cancellationToken)
    {
        var ids = generationIds.ToArray();
        return await db.Set<Generation>().IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(g => ids.Contains(g.Id))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Generation>> LockLeasedAsync(IReadOnlyList<ClaimedGeneration> claimed, CancellationToken cancellationToken)
    {
        await BeginFinishingAsync(cancellationToken);
        var ids = claimed.Select(c => c.Id).ToArray();
        var tokens = claimed.Select(c => c.LeaseToken).ToArray();
        return await db.Set<Generation>().FromSqlRaw(
                SelectWithModelSettings +
                """
                FROM generations AS g JOIN unnest({0}, {1}) AS c(id, lease_token) ON g.id = c.id AND g.lease_token = c.lease_token
                WHERE g.status = 'Running'
                ORDER BY g.id
                FOR UPDATE OF g
                """, ids, tokens)
            .IgnoreQueryFilters(TenantFilter)
            .ToListAsync(cancellationToken);
    }

    public async Task<Generation?> LockLeasedAsync(Guid workspaceId, Guid generationId, Guid leaseToken, CancellationToken cancellationToken)
    {
        await BeginFinishingAsync(cancellationToken);
        // The lock and the tracked load in one statement; the statement names its workspace, so the tenant filter
        // is not composed around it (FOR UPDATE would then sit in a subquery for nothing).
        var locked = await db.Set<Generation>().FromSqlRaw(
                SelectWithModelSettings +
                """
                FROM generations AS g
                WHERE g.id = {0} AND g.workspace_id = {1} AND g.status = 'Running' AND g.lease_token = {2}
                FOR UPDATE
                """, generationId, workspaceId, leaseToken)
            .IgnoreQueryFilters(TenantFilter)
            .ToListAsync(cancellationToken);
        return locked.Count == 1 ? locked[0] : null;
    }

    // EF Core reads the complex ModelSettings from FromSql under its default column names, not the mapped ones.
    private const string SelectWithModelSettings =
        """
        SELECT g.*, g.model_provider AS "ModelSettings_Provider", g.model_name AS "ModelSettings_Model",
               g.model_temperature AS "ModelSettings_Temperature", g.model_max_tokens AS "ModelSettings_MaxTokens"

        """;

    private async Task BeginFinishingAsync(CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        // Finishing saves once and a failed save discards the whole transaction (a batch rolls back as a whole, or to
        // its own savepoint per job), so EF Core's savepoint around SaveChanges is two statements for nothing. The
        // pooled context turns it back on when it is returned.
        db.Database.AutoSavepointsEnabled = false;
    }

    public async Task LockAsync(Guid workspaceId, Guid generationId, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        await db.Database.SqlQuery<Guid>(
            $"""SELECT id AS "Value" FROM generations WHERE id = {generationId} AND workspace_id = {workspaceId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
    }

    public async Task<QueueState> StateAsync(CancellationToken cancellationToken)
    {
        // The first queued job in run_after order comes straight off ix_generations_active; running jobs are few (one
        // per worker), so their earliest lease end is cheap too.
        await using var command = dataSource.CreateCommand(
            """
            SELECT LEAST(
                (SELECT run_after FROM generations WHERE status IN ('Queued', 'Running') AND status = 'Queued' ORDER BY run_after LIMIT 1),
                (SELECT min(lease_expires_at) FROM generations WHERE status IN ('Queued', 'Running') AND status = 'Running'))
            """);
        var next = await command.ExecuteScalarAsync(cancellationToken);
        return new QueueState(next is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    public async Task<long> CountQueuedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM generations WHERE status IN ('Queued', 'Running') AND status = 'Queued'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
