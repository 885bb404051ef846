using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;

public sealed record RedeliveryDto(int Requeued);

/// <summary>
/// Queues again the deliveries that failed for good (since a time, for one endpoint or all enabled ones), typically
/// once a customer has repaired their receiver. Oldest first, at most <see cref="WebhookRedelivery.MaxPerRequest"/>.
/// </summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record RedeliverFailedWebhooks(Guid WorkspaceId, Guid? EndpointId = null, DateTimeOffset? Since = null)
    : ICommand<RedeliveryDto>, IWorkspaceRequest;

internal sealed class RedeliverFailedWebhooksHandler(
    IRepository<WebhookEndpoint> endpoints,
    IRepository<WebhookDelivery> deliveries,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RedeliverFailedWebhooks, RedeliveryDto>
{
    public async Task<RedeliveryDto> Handle(RedeliverFailedWebhooks request, CancellationToken cancellationToken)
    {
        var enabled = (await endpoints.ListAsync(new EnabledEndpointsSpec(request), cancellationToken)).Select(e => e.Id).ToList();
        if (request.EndpointId is { } only && !enabled.Contains(only))
            throw new NotFoundException("Enabled webhook endpoint");

        var now = clock.GetUtcNow();
        var failed = await deliveries.ListAsync(new FailedDeliveriesSpec(request, enabled), cancellationToken);
        foreach (var delivery in failed)
            delivery.Redeliver(now);
        if (failed.Count > 0)
            auditLog.Record(AuditActions.WebhookDeliveriesRedelivered, request.WorkspaceId, "webhook_endpoint", request.EndpointId?.ToString(),
                new Dictionary<string, string> { ["count"] = failed.Count.ToString() });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RedeliveryDto(failed.Count);
    }

    private sealed class EnabledEndpointsSpec : Specification<WebhookEndpoint>
    {
        public EnabledEndpointsSpec(RedeliverFailedWebhooks request)
        {
            Query.Where(e => e.WorkspaceId == request.WorkspaceId && e.Enabled);
            Query.AsNoTracking();
        }
    }

    private sealed class FailedDeliveriesSpec : Specification<WebhookDelivery>
    {
        public FailedDeliveriesSpec(RedeliverFailedWebhooks request, List<Guid> enabledEndpoints)
        {
            Query.Where(d => d.WorkspaceId == request.WorkspaceId && d.Status == WebhookDeliveryStatus.Failed
                       && enabledEndpoints.Contains(d.EndpointId));
            if (request.EndpointId is { } endpointId)
                Query.Where(d => d.EndpointId == endpointId);
            if (request.Since is { } since)
                Query.Where(d => d.CreatedAt >= since);
            Query.OrderBy(d => d.Id);
            Query.Take(WebhookRedelivery.MaxPerRequest);
        }
    }
}
