using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;
using IaGenify.Domain.Webhooks;
using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookRedeliveryTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Deliveries(Guid workspaceId, Guid endpointId) => $"{WebhookApi.Endpoints(workspaceId)}/{endpointId}/deliveries";

    [Fact]
    public async Task A_failed_delivery_is_sent_again_with_the_same_id_once_the_receiver_is_fixed()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 410;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");
        var eventId = await owner.SendTestAsync(workspaceId, endpointId);
        var failed = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);

        receiver.Respond = _ => 200;
        var redeliver = await owner.Client.PostAsync($"{Deliveries(workspaceId, endpointId)}/{failed.Id}/redeliver", null);

        await redeliver.ShouldBe(202);
        var received = await receiver.WaitForAsync(2);
        Assert.Equal(received[0].Id, received[1].Id);
        var delivered = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 1, 1), (delivered.Status, delivered.Attempts,
            delivered.Redeliveries));
        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=webhook_delivery.redelivered")).ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Single(audit.Items);
    }

    [Fact]
    public async Task Every_failed_delivery_of_an_endpoint_can_be_queued_again_at_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 400;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");
        var events = new[] { await owner.SendTestAsync(workspaceId, endpointId), await owner.SendTestAsync(workspaceId, endpointId) };
        foreach (var eventId in events)
            await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);

        receiver.Respond = _ => 200;
        var response = await owner.Client.PostAsync($"{Deliveries(workspaceId, endpointId)}/redeliver-failed", null);

        await response.ShouldBe(202);
        Assert.Equal(2, (await response.ReadAsync<RedeliveryDto>()).Requeued);
        await receiver.WaitForAsync(4);
        foreach (var eventId in events)
            Assert.Equal(WebhookDeliveryStatus.Succeeded, (await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId)).Status);
    }

    [Fact]
    public async Task A_delivery_still_in_progress_or_of_another_tenant_cannot_be_redelivered()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 200;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");
        var eventId = await owner.SendTestAsync(workspaceId, endpointId);
        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        var url = $"{Deliveries(workspaceId, endpointId)}/{delivery.Id}/redeliver";
        var outsider = await RegisterAsync();

        await (await outsider.Client.PostAsync(url, null)).ShouldBeProblem(404);
        await (await owner.Client.PostAsync($"{Deliveries(workspaceId, endpointId)}/{Guid.NewGuid()}/redeliver", null)).ShouldBeProblem(404);
        await (await owner.Client.PatchAsJsonAsync($"{WebhookApi.Endpoints(workspaceId)}/{endpointId}", new { enabled = false })).ShouldBe(200);
        await (await owner.Client.PostAsync(url, null)).ShouldBeProblem(409, "webhook_endpoint.disabled");
    }

    [Fact]
    public async Task Finished_events_older_than_the_retention_are_deleted_with_their_delivery_log()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");
        var eventId = await owner.SendTestAsync(workspaceId, endpointId);
        await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);

        var retention = Factory.Services.GetRequiredService<WebhookRetention>();
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));

        Assert.Empty(await owner.DeliveriesAsync(workspaceId, endpointId));
    }
}
