using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Queries.GetWebhookEndpoint;

[RequiresPermission(Permission.WebhooksManage)]
public sealed record GetWebhookEndpoint(Guid WorkspaceId, Guid EndpointId) : IQuery<WebhookEndpointDto>, IWorkspaceRequest;

internal sealed class GetWebhookEndpointHandler(IRepository<WebhookEndpoint> endpoints)
    : IRequestHandler<GetWebhookEndpoint, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(GetWebhookEndpoint request, CancellationToken cancellationToken) =>
        await endpoints.FirstOrNotFoundAsync(new WebhookEndpointDtoByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
}
