using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Webhooks.Commands.SendTestWebhook;

/// <summary>Queues a <c>webhook.test</c> event for this endpoint only, delivered like any other event.</summary>
[RequiresPermission(Permission.WebhooksManage)]
public sealed record SendTestWebhook(Guid WorkspaceId, Guid EndpointId) : ICommand<WebhookTestDto>, IWorkspaceRequest;

/// <summary>The data of a <c>webhook.test</c> event.</summary>
public sealed record WebhookTestData(Guid EndpointId, string Message);

internal sealed class SendTestWebhookHandler(
    IRepository<WebhookEndpoint> endpoints,
    IEventPublisher events,
    IUnitOfWork unitOfWork) : IRequestHandler<SendTestWebhook, WebhookTestDto>
{
    public async Task<WebhookTestDto> Handle(SendTestWebhook request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrNotFoundAsync(new WebhookEndpointByIdSpec(request.WorkspaceId, request.EndpointId), "Webhook endpoint", cancellationToken);
        if (!endpoint.Enabled)
            throw new BusinessRuleException("webhook_endpoint.disabled", "This endpoint is disabled; enable it to send a test event.");
        var eventId = events.Publish(endpoint.WorkspaceId, EventTypes.WebhookTest,
            new WebhookTestData(endpoint.Id, "This is a test event from IaGenify."), targetEndpointId: endpoint.Id);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new WebhookTestDto(eventId);
    }
}
