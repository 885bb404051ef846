using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency records every <see cref="IdempotencyOptions.SweepInterval"/>. Every replica sweeps;
/// the deletes are idempotent, so they need no coordination. Lookups ignore expired records anyway, so a late sweep
/// only costs disk space.
/// </summary>
public sealed class IdempotencySweeper(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencySweeper> logger) : BackgroundService
{
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Purged {Count} expired idempotency records", purged);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweeperEnabled)
            return;
        // The first sweep waits one interval: at startup the database may not be migrated yet.
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping idempotency records failed with {ExceptionType}; retrying next interval", ex.GetType().Name);
            }
        }
    }
}
