using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Queries.ListWebhookEndpoints;

[RequiresPermission(Permission.WebhooksManage)]
public sealed record ListWebhookEndpoints(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<WebhookEndpointDto>>, IWorkspaceRequest;

internal sealed class ListWebhookEndpointsHandler(IRepository<WebhookEndpoint> endpoints)
    : IRequestHandler<ListWebhookEndpoints, CursorPage<WebhookEndpointDto>>
{
    public async Task<CursorPage<WebhookEndpointDto>> Handle(ListWebhookEndpoints request, CancellationToken cancellationToken)
    {
        var rows = await endpoints.ListAsync(new WebhookEndpointPageSpec(request.WorkspaceId, request.Limit, request.Cursor), cancellationToken);
        return Cursor.Page(rows, request.Limit, e => e.Id);
    }
}
