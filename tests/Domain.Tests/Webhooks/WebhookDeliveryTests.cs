using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Domain.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WebhookDelivery Delivery() =>
        WebhookDelivery.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), EventTypes.MemberJoined, Now);

    [Fact]
    public void A_new_delivery_is_due_at_once()
    {
        var delivery = Delivery();
        Assert.Equal((WebhookDeliveryStatus.Pending, 0, Now), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));
    }

    [Fact]
    public void A_failure_with_a_retry_time_stays_pending_and_one_without_fails_for_good()
    {
        var delivery = Delivery();

        delivery.Fail(500, "HTTP 500", Now.AddSeconds(10), Now);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, Now.AddSeconds(10)), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));

        delivery.Fail(410, "HTTP 410 Gone", null, Now.AddSeconds(10));
        Assert.Equal((WebhookDeliveryStatus.Failed, 2, null), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));
        Assert.Equal((410, "HTTP 410 Gone", Now.AddSeconds(10)), (delivery.LastStatusCode, delivery.LastError, delivery.CompletedAt));
    }

    [Fact]
    public void A_finished_delivery_records_no_more_attempts()
    {
        var delivery = Delivery();
        delivery.Succeed(200, Now);

        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Throws<BusinessRuleException>(() => delivery.Succeed(200, Now));
        Assert.Throws<BusinessRuleException>(() => delivery.Fail(500, "HTTP 500", null, Now));
    }

    [Fact]
    public void The_error_summary_is_kept_short()
    {
        var delivery = Delivery();
        delivery.Fail(null, new string('x', 1000), null, Now);
        Assert.Equal(WebhookDelivery.MaxErrorLength, delivery.LastError!.Length);
    }

    [Fact]
    public void Outbox_events_need_a_known_type_and_a_json_object()
    {
        var workspaceId = Guid.CreateVersion7();
        Assert.Equal(7, OutboxEvent.Create(workspaceId, EventTypes.MemberJoined, "{}", Now).Id.Version);
        Assert.Throws<ArgumentException>(() => OutboxEvent.Create(workspaceId, "order.shipped", "{}", Now));
        Assert.Throws<ArgumentException>(() => OutboxEvent.Create(workspaceId, EventTypes.MemberJoined, "[]", Now));
        Assert.Throws<ArgumentException>(() => OutboxEvent.Create(Guid.Empty, EventTypes.MemberJoined, "{}", Now));
    }
}
