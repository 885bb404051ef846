using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Webhooks;

/// <summary>The webhook routes, driven the way a client does.</summary>
internal static class WebhookApi
{
    public static string Endpoints(Guid workspaceId) => $"/api/v1/workspaces/{workspaceId}/webhook-endpoints";

    public static async Task<JsonElement> CreateEndpointAsync(this TestUser user, Guid workspaceId, string url, params string[] eventTypes)
    {
        var response = await user.Client.PostAsJsonAsync(Endpoints(workspaceId), new { url, eventTypes });
        await response.ShouldBe(201);
        return await response.Json();
    }

    /// <summary>Registers an endpoint for the receiver and gives the receiver its secret.</summary>
    public static async Task<Guid> RegisterAsync(this WebhookReceiver receiver, TestUser user, Guid workspaceId, params string[] eventTypes)
    {
        var endpoint = await user.CreateEndpointAsync(workspaceId, receiver.Url, eventTypes);
        receiver.Secret = endpoint.GetProperty("secret").GetString();
        return endpoint.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> SendTestAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.PostAsync($"{Endpoints(workspaceId)}/{endpointId}/test", null);
        await response.ShouldBe(202);
        return (await response.Json()).GetProperty("eventId").GetGuid();
    }

    public static async Task<JsonElement> GetEndpointAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.GetAsync($"{Endpoints(workspaceId)}/{endpointId}");
        await response.ShouldBe(200);
        return await response.Json();
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this TestUser user, Guid workspaceId, Guid endpointId)
    {
        var response = await user.Client.GetAsync($"{Endpoints(workspaceId)}/{endpointId}/deliveries");
        await response.ShouldBe(200);
        return (await response.Json()).GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Waits until the endpoint's delivery log holds a finished delivery of the event, and returns it.</summary>
    public static async Task<JsonElement> WaitForFinishedDeliveryAsync(this TestUser user, Guid workspaceId, Guid endpointId, Guid eventId)
    {
        JsonElement? found = null;
        await Wait.UntilAsync(async () =>
        {
            found = (await user.DeliveriesAsync(workspaceId, endpointId))
                .Where(d => d.GetProperty("eventId").GetGuid() == eventId && d.GetProperty("status").GetString() != "pending")
                .Select(d => (JsonElement?)d).FirstOrDefault();
            return found is not null;
        }, describe: () => $"Event {eventId} was not delivered or given up in time.");
        return found!.Value;
    }
}
