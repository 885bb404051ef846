using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency records every <see cref="IdempotencyOptions.SweepInterval"/>. Every replica sweeps;
/// the deletes are idempotent, so they need no coordination. Lookups ignore expired records anyway, so a late sweep
/// only costs disk space. The first sweep waits one interval: at startup the database may not be migrated yet.
/// </summary>
public sealed class IdempotencySweeper(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencySweeper> logger) : PeriodicWorker(logger)
{
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Purged {Count} expired idempotency records", purged);
        return purged;
    }

    protected override bool Enabled => options.Value.SweeperEnabled;
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);
}
