using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Domain.Tests.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WebhookEndpoint Endpoint(params string[] types) =>
        WebhookEndpoint.Create(Guid.CreateVersion7(), "https://hooks.example.com/", null,
            types.Length == 0 ? [EventTypes.MemberJoined] : types, "v1.protected", Now);

    [Fact]
    public void Event_types_are_trimmed_deduplicated_and_must_be_subscribable()
    {
        Assert.Equal([EventTypes.MemberJoined, EventTypes.CreditsLow], Endpoint(" member.joined", "credits.low", "member.joined").EventTypes);
        Assert.Throws<ArgumentException>(() => Endpoint("order.shipped"));
        Assert.Throws<ArgumentException>(() => Endpoint(EventTypes.WebhookTest));
        Assert.Throws<ArgumentException>(() => WebhookEndpoint.Create(Guid.CreateVersion7(), "https://x.example/", null, [], "v1.p", Now));
    }

    [Fact]
    public void The_endpoint_switches_off_at_the_threshold_and_reports_it_once()
    {
        var endpoint = Endpoint();

        Assert.False(endpoint.DeliveryFailed(3, Now));
        Assert.False(endpoint.DeliveryFailed(3, Now));
        Assert.True(endpoint.DeliveryFailed(3, Now));
        Assert.False(endpoint.DeliveryFailed(3, Now));

        Assert.False(endpoint.Enabled);
        Assert.Equal(WebhookDisabledReason.Failures, endpoint.DisabledReason);
        Assert.Equal(4, endpoint.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var endpoint = Endpoint();
        endpoint.DeliveryFailed(3, Now);
        endpoint.DeliveryFailed(3, Now);

        endpoint.DeliverySucceeded();

        Assert.False(endpoint.DeliveryFailed(3, Now));
        Assert.True(endpoint.Enabled);
    }

    [Fact]
    public void Enabling_again_clears_the_reason_and_the_count()
    {
        var endpoint = Endpoint();
        for (var i = 0; i < 3; i++)
            endpoint.DeliveryFailed(3, Now);

        endpoint.Update(null, null, null, enabled: true, Now);

        Assert.True(endpoint.Enabled);
        Assert.Null(endpoint.DisabledReason);
        Assert.Equal(0, endpoint.ConsecutiveFailures);
    }

    [Fact]
    public void Only_given_fields_change_and_an_empty_description_clears_it()
    {
        var endpoint = WebhookEndpoint.Create(Guid.CreateVersion7(), "https://hooks.example.com/", "Orders", [EventTypes.MemberJoined], "v1.p", Now);

        endpoint.Update(null, "", null, enabled: false, Now.AddMinutes(1));

        Assert.Equal("https://hooks.example.com/", endpoint.Url);
        Assert.Null(endpoint.Description);
        Assert.Equal([EventTypes.MemberJoined], endpoint.EventTypes);
        Assert.Equal(WebhookDisabledReason.Manual, endpoint.DisabledReason);
        Assert.Equal(Now.AddMinutes(1), endpoint.UpdatedAt);
    }
}
