using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Turns outbox events into one delivery per enabled endpoint subscribed to the type (or into one delivery to the
/// endpoint a test event names). Events are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers
/// take different events; each batch commits its deliveries and marks its events dispatched together.
/// </summary>
internal sealed class WebhookFanOut(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>Returns how many events were fanned out.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batch = options.Value.BatchSize;
        var events = await db.Set<OutboxEvent>()
            .FromSql($"SELECT * FROM outbox_events WHERE dispatched_at IS NULL ORDER BY id LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .IgnoreQueryFilters([AppDbContext.TenantFilter])
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
            return 0;

        var workspaceIds = events.Select(e => e.WorkspaceId).Distinct().ToList();
        var endpoints = await db.Set<WebhookEndpoint>()
            .IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking()
            .Where(e => workspaceIds.Contains(e.WorkspaceId) && e.Enabled)
            .Select(e => new Subscriber(e.Id, e.WorkspaceId, e.EventTypes, e.CreatedAt))
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var outboxEvent in events)
        {
            foreach (var endpoint in endpoints.Where(e => e.Receives(outboxEvent)))
                db.Add(WebhookDelivery.Create(outboxEvent.WorkspaceId, endpoint.Id, outboxEvent.Id, outboxEvent.Type, now));
            outboxEvent.MarkDispatched(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private sealed record Subscriber(Guid Id, Guid WorkspaceId, List<string> EventTypes, DateTimeOffset CreatedAt)
    {
        /// <summary>A test event goes to its endpoint only; others to subscribers that existed when it happened.</summary>
        public bool Receives(OutboxEvent e) => e.TargetEndpointId is { } target
            ? target == Id
            : WorkspaceId == e.WorkspaceId && CreatedAt <= e.OccurredAt && EventTypes.Contains(e.Type, StringComparer.Ordinal);
    }
}
