using IaGenify.Application.Common.Exceptions;

namespace IaGenify.Application.Billing;

public static class BillingErrors
{
    public static ServiceUnavailableException NotConfigured() => new("billing.not_configured",
        "Billing is not configured on this server (Stripe:SecretKey and Stripe:WebhookSecret are not set); the rest of the product works without it.");
}
