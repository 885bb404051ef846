using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.DeleteWebhookEndpoint;

/// <summary>Deletes the endpoint with its delivery log; deliveries still pending are dropped.</summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record DeleteWebhookEndpoint(Guid WorkspaceId, Guid EndpointId) : ICommand, IWorkspaceRequest;

internal sealed class DeleteWebhookEndpointHandler(
    IRepository<WebhookEndpoint> endpoints,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<DeleteWebhookEndpoint, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookEndpoint request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrNotFoundAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
        endpoints.Remove(endpoint);
        auditLog.Record(AuditActions.WebhookEndpointDeleted, endpoint.WorkspaceId, "webhook_endpoint", endpoint.Id.ToString(),
            new Dictionary<string, string> { ["host"] = new Uri(endpoint.Url).Host });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
