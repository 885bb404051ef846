namespace IaGenify.Domain.Webhooks;

public enum WebhookDisabledReason
{
    /// <summary>An admin switched the endpoint off.</summary>
    Manual = 1,

    /// <summary>Too many deliveries in a row failed; see <see cref="WebhookEndpoint.DeliveryFailed"/>.</summary>
    Failures = 2,
}
