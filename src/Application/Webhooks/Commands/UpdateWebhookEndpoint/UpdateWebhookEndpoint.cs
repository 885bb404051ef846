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

namespace IaGenify.Application.Webhooks.Commands.UpdateWebhookEndpoint;

/// <summary>
/// Changes the fields given (null leaves one as it is). Enabling an endpoint that was switched off, by hand or after
/// failures, clears its failure count.
/// </summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record UpdateWebhookEndpoint(Guid WorkspaceId, Guid EndpointId, string? Url, string? Description,
    IReadOnlyList<string>? EventTypes, bool? Enabled) : ICommand<WebhookEndpointDto>, IWorkspaceRequest;

internal sealed class UpdateWebhookEndpointHandler(
    IRepository<WebhookEndpoint> endpoints,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UpdateWebhookEndpoint, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(UpdateWebhookEndpoint request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrNotFoundAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
        endpoint.Update(request.Url, request.Description, request.EventTypes, request.Enabled, clock.GetUtcNow());

        var details = new Dictionary<string, string> { ["fields"] = string.Join(",", ChangedFields(request)) };
        if (request.Enabled is { } enabled)
            details["enabled"] = enabled ? "true" : "false";
        auditLog.Record(AuditActions.WebhookEndpointUpdated, endpoint.WorkspaceId, "webhook_endpoint", endpoint.Id.ToString(), details);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return WebhookEndpointDto.From(endpoint);
    }

    private static IEnumerable<string> ChangedFields(UpdateWebhookEndpoint request)
    {
        if (request.Url is not null)
            yield return "url";
        if (request.Description is not null)
            yield return "description";
        if (request.EventTypes is not null)
            yield return "eventTypes";
        if (request.Enabled is not null)
            yield return "enabled";
    }
}
