using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Ports;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Replaces the signing secret; the answer shows the new one once. Attempts from this moment on, retries of older
/// events included, are signed with the new secret.
/// </summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record RotateWebhookSecret(Guid WorkspaceId, Guid EndpointId) : ICommand<WebhookEndpointDto>, IWorkspaceRequest;

internal sealed class RotateWebhookSecretHandler(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookSecretProtector protector,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RotateWebhookSecret, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(RotateWebhookSecret request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrNotFoundAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
        var secret = WebhookSecret.Create();
        endpoint.RotateSecret(protector.Protect(secret), clock.GetUtcNow());
        auditLog.Record(AuditActions.WebhookEndpointSecretRotated, endpoint.WorkspaceId, "webhook_endpoint", endpoint.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return WebhookEndpointDto.From(endpoint, secret);
    }
}
