using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.RedeliverWebhook;

/// <summary>Sends one finished delivery (failed or succeeded) again to its endpoint, with the same event id.</summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record RedeliverWebhook(Guid WorkspaceId, Guid EndpointId, Guid DeliveryId) : ICommand, IWorkspaceRequest;

internal sealed class RedeliverWebhookHandler(
    IRepository<WebhookEndpoint> endpoints,
    IRepository<WebhookDelivery> deliveries,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RedeliverWebhook, Unit>
{
    public async Task<Unit> Handle(RedeliverWebhook request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrNotFoundAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
        WebhookRedelivery.EnsureEnabled(endpoint);
        var delivery = await deliveries.FirstOrNotFoundAsync(new DeliverySpec(request), "Webhook delivery", cancellationToken);
        delivery.Redeliver(clock.GetUtcNow());
        auditLog.Record(AuditActions.WebhookDeliveriesRedelivered, request.WorkspaceId, "webhook_endpoint", endpoint.Id.ToString(),
            new Dictionary<string, string> { ["count"] = "1" });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private sealed class DeliverySpec : Specification<WebhookDelivery>
    {
        public DeliverySpec(RedeliverWebhook request) => Query.Where(d =>
            d.WorkspaceId == request.WorkspaceId && d.EndpointId == request.EndpointId && d.Id == request.DeliveryId);
    }
}
