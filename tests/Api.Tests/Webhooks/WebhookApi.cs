using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Api.Tests.Webhooks;

/// <summary>The webhook routes, driven the way a client does.</summary>
internal static class WebhookApi
{
    public static string Endpoints(Guid workspaceId) => $"/api/v1/workspaces/{workspaceId}/webhook-endpoints";

    public static async Task<WebhookEndpointDto> CreateEndpointAsync(this TestUser user, Guid workspaceId, string url, params string[] eventTypes)
    {
        var response = await user.Client.PostAsJsonAsync(Endpoints(workspaceId), new { url, eventTypes });
        await response.ShouldBe(201);
        return await response.ReadAsync<WebhookEndpointDto>();
    }

    /// <summary>Registers an endpoint for the receiver and gives the receiver its secret.</summary>
    public static async Task<Guid> RegisterAsync(this WebhookReceiver receiver, TestUser user, Guid workspaceId, params string[] eventTypes)
    {
        var endpoint = await user.CreateEndpointAsync(workspaceId, receiver.Url, eventTypes);
        receiver.Secret = endpoint.Secret;
        return endpoint.Id;
    }

    public static async Task<Guid> SendTestAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.PostAsync($"{Endpoints(workspaceId)}/{endpointId}/test", null);
        await response.ShouldBe(202);
        return (await response.ReadAsync<WebhookTestDto>()).EventId;
    }

    public static async Task<WebhookEndpointDto> GetEndpointAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.GetAsync($"{Endpoints(workspaceId)}/{endpointId}");
        await response.ShouldBe(200);
        return await response.ReadAsync<WebhookEndpointDto>();
    }

    public static async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.GetAsync($"{Endpoints(workspaceId)}/{endpointId}/deliveries");
        await response.ShouldBe(200);
        return (await response.ReadAsync<CursorPage<WebhookDeliveryDto>>()).Items;
    }

    /// <summary>Waits until the endpoint's delivery log holds a finished delivery of the event, and returns it.</summary>
    public static async Task<WebhookDeliveryDto> WaitForFinishedDeliveryAsync(this TestUser user, Guid workspaceId, Guid endpointId, Guid eventId)
    {
        WebhookDeliveryDto? found = null;
        await Wait.UntilAsync(async () =>
        {
            found = (await user.DeliveriesAsync(workspaceId, endpointId))
                .FirstOrDefault(d => d.EventId == eventId && d.Status != WebhookDeliveryStatus.Pending);
            return found is not null;
        }, describe: () => $"Event {eventId} was not delivered or given up in time.");
        return found!;
    }
}
