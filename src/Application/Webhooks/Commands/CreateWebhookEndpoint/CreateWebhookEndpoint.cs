using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Ports;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.CreateWebhookEndpoint;

/// <summary>Registers a URL to receive the given event types; the answer carries the signing secret, shown this once.</summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record CreateWebhookEndpoint(Guid WorkspaceId, string Url, string? Description, IReadOnlyList<string> EventTypes)
    : ICommand<WebhookEndpointDto>, IWorkspaceRequest;

internal sealed class CreateWebhookEndpointHandler(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookSecretProtector protector,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateWebhookEndpoint, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(CreateWebhookEndpoint request, CancellationToken cancellationToken)
    {
        if (await endpoints.CountAsync(new WebhookEndpointsOfWorkspaceSpec(request.WorkspaceId), cancellationToken)
            >= WebhookEndpoint.MaxPerWorkspace)
            throw new ConflictException("webhook_endpoint.limit",
                $"A workspace has at most {WebhookEndpoint.MaxPerWorkspace} webhook endpoints; delete one first.");

        var secret = WebhookSecret.Create();
        var endpoint = WebhookEndpoint.Create(request.WorkspaceId, request.Url, request.Description, request.EventTypes,
            protector.Protect(secret), clock.GetUtcNow());
        endpoints.Add(endpoint);
        auditLog.Record(AuditActions.WebhookEndpointCreated, endpoint.WorkspaceId, "webhook_endpoint", endpoint.Id.ToString(),
            new Dictionary<string, string> { ["host"] = new Uri(endpoint.Url).Host, ["eventTypes"] = string.Join(",", endpoint.EventTypes) });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return WebhookEndpointDto.From(endpoint, secret);
    }
}
