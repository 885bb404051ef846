using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Infrastructure.Security.Revocations;

/// <summary>
/// Keeps this replica's <see cref="AccessRevocationSet"/> current: built from PostgreSQL before the host serves, fed by
/// <c>NOTIFY access_revoked</c> (sent in the revoking transaction) on one listening connection, and re-read every
/// <see cref="AccessRevocationOptions.RefreshInterval"/> as a safety net for notifications lost while disconnected.
/// </summary>
public sealed class AccessRevocationListener(
    NpgsqlDataSource dataSource,
    AccessRevocationSet revocations,
    IOptions<AccessRevocationOptions> options,
    ILogger<AccessRevocationListener> logger) : PeriodicWorker(logger)
{
    private volatile bool _reloadRequested;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ReloadAsync(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException or TimeoutException)
        {
            // The loop retries; the database may not be migrated or reachable yet.
            logger.LogWarning(ex, "Could not read access revocations at start; retrying in the background");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);
    protected override bool RunAtStart => true;

    // A lost connection is retried every second; the reload on reconnect catches what was missed meanwhile.
    protected override TimeSpan MaxErrorDelay => TimeSpan.FromSeconds(1);

    /// <summary>One run lasts as long as the listening connection: it ends when the host stops or the connection fails.</summary>
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, notification) => OnNotification(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {AccessRevocationBatch.Channel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        // Revocations committed while nobody listened are in the database.
        await ReloadAsync(connection, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var notified = await connection.WaitAsync(options.Value.RefreshInterval, cancellationToken);
            if (!notified || _reloadRequested)
                await ReloadAsync(connection, cancellationToken);
        }
    }

    private void OnNotification(string payload)
    {
        if (AccessRevocationBatch.Parse(payload) is { } batch)
            revocations.Apply(batch);
        else
            _reloadRequested = true;
    }

    private async Task ReloadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        _reloadRequested = false;
        var horizon = revocations.Horizon;
        await using (var sessions = new NpgsqlCommand(
            "SELECT family_id, max(revoked_at) FROM refresh_tokens WHERE revoked_at >= $1 GROUP BY family_id", connection))
        {
            sessions.Parameters.Add(new NpgsqlParameter { Value = horizon.UtcDateTime });
            await using var reader = await sessions.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                revocations.RevokeSession(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        await using (var users = new NpgsqlCommand(
            "SELECT id, deleted_at FROM users WHERE deleted_at >= $1 UNION ALL SELECT id, suspended_at FROM users WHERE suspended_at >= $1",
            connection))
        {
            users.Parameters.Add(new NpgsqlParameter { Value = horizon.UtcDateTime });
            await using var reader = await users.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                revocations.RevokeUser(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        revocations.Prune();
    }
}
