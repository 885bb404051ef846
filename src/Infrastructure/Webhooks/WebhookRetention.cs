using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Deletes outbox events older than <c>Webhooks:Retention</c> once fanned out and no longer being delivered; their
/// delivery log goes with them (cascade). In batches, so that no sweep holds locks for long.
/// </summary>
public sealed class WebhookRetention(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const int BatchSize = 1_000;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var total = 0;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync(
                $"""
                DELETE FROM outbox_events WHERE id IN (
                    SELECT e.id FROM outbox_events e
                    WHERE e.occurred_at < {cutoff} AND e.dispatched_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'Pending')
                    LIMIT {BatchSize})
                """, cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
                return total;
        }
    }
}
