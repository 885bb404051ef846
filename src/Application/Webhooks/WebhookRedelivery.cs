using IaGenify.Domain.Common;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Application.Webhooks;

internal static class WebhookRedelivery
{
    /// <summary>At most this many failed deliveries are queued again by one request.</summary>
    public const int MaxPerRequest = 1_000;

    public static void EnsureEnabled(WebhookEndpoint endpoint)
    {
        if (!endpoint.Enabled)
            throw new BusinessRuleException("webhook_endpoint.disabled", "This endpoint is disabled; enable it before redelivering.");
    }
}
