using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>The delivery log of one endpoint, newest first.</summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record ListWebhookDeliveries(Guid WorkspaceId, Guid EndpointId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<WebhookDeliveryDto>>, IWorkspaceRequest;

internal sealed class ListWebhookDeliveriesHandler(
    IRepository<WebhookEndpoint> endpoints,
    IRepository<WebhookDelivery> deliveries) : IRequestHandler<ListWebhookDeliveries, CursorPage<WebhookDeliveryDto>>
{
    public async Task<CursorPage<WebhookDeliveryDto>> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        if (!await endpoints.AnyAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), cancellationToken))
            throw new NotFoundException("Webhook endpoint");
        var rows = await deliveries.ListAsync(
            new WebhookDeliveryPageSpec(request.WorkspaceId, request.EndpointId, request.Limit, request.Cursor), cancellationToken);
        return Cursor.Page(rows, request.Limit, d => d.Id);
    }
}
