using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Api.Tests.Webhooks;

/// <summary>
/// End to end: a change commits an outbox event, the background dispatcher posts it, signed, to a real receiver on
/// 127.0.0.1, and the delivery log tells what happened. Test settings: 3 attempts, fast backoff, disable after 3.
/// </summary>
public sealed class WebhookDeliveryTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Longer than any retry the test settings can schedule, to show that none comes.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_member_joining_and_leaving_is_delivered_signed_to_subscribed_endpoints()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined", "member.removed");

        var member = await AddMemberAsync(owner, workspaceId, "member");

        var joined = (await receiver.WaitForAsync(1)).Single();
        Assert.True(joined.SignatureValid);
        Assert.Equal("member.joined", joined.Type);
        Assert.Equal(member.Id, joined.Data.GetProperty("userId").GetGuid());
        Assert.Equal(member.Email, joined.Data.GetProperty("email").GetString());
        Assert.Equal("member", joined.Data.GetProperty("role").GetString());
        Assert.True(joined.Body.GetProperty("timestamp").TryGetDateTimeOffset(out _));
        var eventId = Guid.Parse(joined.Id);
        Assert.Equal(7, eventId.Version);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.Equal("member.joined", delivery.EventType);

        await (await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}/members/{member.Id}")).ShouldBe(204);
        var removed = (await receiver.WaitForAsync(2))[1];
        Assert.True(removed.SignatureValid);
        Assert.Equal("member.removed", removed.Type);
        Assert.Equal(member.Id, removed.Data.GetProperty("userId").GetGuid());
        Assert.False(removed.Data.GetProperty("left").GetBoolean());
    }

    [Fact]
    public async Task Events_reach_only_enabled_endpoints_subscribed_to_their_type()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var joins = await WebhookReceiver.StartAsync();
        await using var removals = await WebhookReceiver.StartAsync();
        await using var disabled = await WebhookReceiver.StartAsync();
        await joins.RegisterAsync(owner, workspaceId, "member.joined");
        var removalsId = await removals.RegisterAsync(owner, workspaceId, "member.removed");
        var disabledId = await disabled.RegisterAsync(owner, workspaceId, "member.joined");
        await (await owner.Client.PatchAsJsonAsync($"{WebhookApi.Endpoints(workspaceId)}/{disabledId}", new { enabled = false })).ShouldBe(200);

        await AddMemberAsync(owner, workspaceId, "viewer");
        var testEvent = await owner.SendTestAsync(workspaceId, removalsId);

        Assert.Equal("member.joined", (await joins.WaitForAsync(1)).Single().Type);
        var test = (await removals.WaitForAsync(1)).Single();
        Assert.Equal(("webhook.test", testEvent.ToString()), (test.Type, test.Id));
        await Task.Delay(QuietPeriod);
        Assert.Single(joins.Received);
        Assert.Single(removals.Received);
        Assert.Empty(disabled.Received);
    }

    [Fact]
    public async Task A_500_is_retried_with_the_same_id_until_it_succeeds_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = attempt => attempt == 1 ? 500 : 200;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");

        var eventId = await owner.SendTestAsync(workspaceId, endpointId);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        await Task.Delay(QuietPeriod);
        var received = receiver.Received;
        Assert.Equal([500, 200], received.Select(r => r.AnsweredStatus));
        Assert.All(received, r => Assert.Equal(eventId.ToString(), r.Id));
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.Single(received, r => r.AnsweredStatus == 200);
        Assert.Single(await owner.DeliveriesAsync(workspaceId, endpointId));
    }

    [Theory]
    [InlineData(410)]
    [InlineData(400)]
    [InlineData(302)]
    public async Task A_client_error_or_a_redirect_fails_the_delivery_without_retry(int status)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => status;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");

        var eventId = await owner.SendTestAsync(workspaceId, endpointId);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(status, delivery.LastStatusCode);
        Assert.StartsWith($"HTTP {status}", delivery.LastError);
        Assert.Null(delivery.NextAttemptAt);
        await Task.Delay(QuietPeriod);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_gives_up_after_the_last_attempt()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 503;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");

        var eventId = await owner.SendTestAsync(workspaceId, endpointId);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal((WebhookDeliveryStatus.Failed, 3), (delivery.Status, delivery.Attempts));
        await Task.Delay(QuietPeriod);
        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.Equal(1, (await owner.GetEndpointAsync(workspaceId, endpointId)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Repeated_failed_deliveries_disable_the_endpoint_until_it_is_enabled_again()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 400;
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");

        for (var i = 0; i < 3; i++)
        {
            var eventId = await owner.SendTestAsync(workspaceId, endpointId);
            await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        }

        var endpoint = await owner.GetEndpointAsync(workspaceId, endpointId);
        Assert.False(endpoint.Enabled);
        Assert.Equal(WebhookDisabledReason.Failures, endpoint.DisabledReason);
        Assert.Equal(3, endpoint.ConsecutiveFailures);
        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=webhook_endpoint.disabled")).ReadAsync<CursorPage<AuditEntryDto>>();
        var entry = Assert.Single(audit.Items);
        Assert.Equal(endpointId.ToString(), entry.TargetId);
        Assert.Equal(AuditActorType.System, entry.ActorType);

        await (await owner.Client.PostAsync($"{WebhookApi.Endpoints(workspaceId)}/{endpointId}/test", null))
            .ShouldBeProblem(409, "webhook_endpoint.disabled");
        await AddMemberAsync(owner, workspaceId, "viewer");
        await Task.Delay(QuietPeriod);
        Assert.Equal(3, receiver.Received.Count);

        receiver.Respond = _ => 204;
        var enabled = await (await owner.Client.PatchAsJsonAsync($"{WebhookApi.Endpoints(workspaceId)}/{endpointId}", new { enabled = true })).ReadAsync<WebhookEndpointDto>();
        Assert.True(enabled.Enabled);
        Assert.Equal(0, enabled.ConsecutiveFailures);
        var again = await owner.SendTestAsync(workspaceId, endpointId);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, (await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, again)).Status);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_logged_as_a_connection_failure_and_retried()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        string url;
        await using (var gone = await WebhookReceiver.StartAsync())
            url = gone.Url;
        var endpoint = await owner.CreateEndpointAsync(workspaceId, url, "member.joined");
        var endpointId = endpoint.Id;

        var eventId = await owner.SendTestAsync(workspaceId, endpointId);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal((WebhookDeliveryStatus.Failed, 3), (delivery.Status, delivery.Attempts));
        Assert.Null(delivery.LastStatusCode);
        Assert.Contains("Connection", delivery.LastError);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_delivery_once()
    {
        await using var secondReplica = new ApiFactory(Fixture.ConnectionString);
        _ = secondReplica.Services;
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");

        var eventIds = new List<Guid>();
        for (var i = 0; i < 40; i++)
            eventIds.Add(await owner.SendTestAsync(workspaceId, endpointId));

        await receiver.WaitForAsync(eventIds.Count);
        await Task.Delay(QuietPeriod);
        Assert.Equal(eventIds.Select(id => id.ToString()).Order(), receiver.Received.Select(r => r.Id).Order());
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));

        var log = $"{WebhookApi.Endpoints(workspaceId)}/{endpointId}/deliveries";
        var first = await (await owner.Client.GetAsync($"{log}?limit=25")).ReadAsync<CursorPage<WebhookDeliveryDto>>();
        var second = await (await owner.Client.GetAsync($"{log}?limit=25&cursor={first.NextCursor}")).ReadAsync<CursorPage<WebhookDeliveryDto>>();
        var logged = first.Items.Concat(second.Items).ToList();
        Assert.Null(second.NextCursor);
        Assert.Equal(eventIds.Order(), logged.Select(d => d.EventId).Order());
        Assert.All(logged, d => Assert.Equal((WebhookDeliveryStatus.Succeeded, 1), (d.Status, d.Attempts)));
    }
}
