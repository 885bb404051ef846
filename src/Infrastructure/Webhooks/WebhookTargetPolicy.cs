using IaGenify.Application.Webhooks.Ports;
using IaGenify.Infrastructure.Http;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>The registration-time half of the SSRF guard; the delivery-time half is in <see cref="GuardedHttpHandler"/>.</summary>
internal sealed class WebhookTargetPolicy(OutboundTargetPolicy policy) : IWebhookTargetPolicy
{
    public string? Refusal(string url) => policy.Refusal(url);
}
