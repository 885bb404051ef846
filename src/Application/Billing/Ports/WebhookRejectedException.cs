using IaGenify.Domain.Common;

namespace IaGenify.Application.Billing.Ports;

/// <summary>A webhook whose signature is missing, wrong or stale, or whose body cannot be read (→ 400, nothing changes).</summary>
public sealed class WebhookRejectedException(string message) : DomainException("webhook.rejected", message);
