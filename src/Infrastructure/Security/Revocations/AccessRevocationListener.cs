using Microsoft.Extensions.Hosting;
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
    ILogger<AccessRevocationListener> logger) : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => OnNotification(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {AccessRevocationBatch.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Revocations committed while nobody listened are in the database.
                await ReloadAsync(connection, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var notified = await connection.WaitAsync(options.Value.RefreshInterval, stoppingToken);
                    if (!notified || _reloadRequested)
                        await ReloadAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The access revocation listener lost its connection; reconnecting");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
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
        await using (var users = new NpgsqlCommand("SELECT id, deleted_at FROM users WHERE deleted_at >= $1", connection))
        {
            users.Parameters.Add(new NpgsqlParameter { Value = horizon.UtcDateTime });
            await using var reader = await users.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                revocations.RevokeUser(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        revocations.Prune();
    }
}
