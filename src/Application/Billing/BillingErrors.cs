using IaGenify.Application.Common.Exceptions;

namespace IaGenify.Application.Billing;

public static class BillingErrors
{
    public static ServiceUnavailableException NotConfigured() => new("billing.not_configured",
        "Billing is not configured on this server (Stripe:SecretKey, Stripe:WebhookSecret and Billing:Plans); the rest of the product works without it.");

    /// <summary>Selling or processing Stripe events needs Stripe's secrets and the plan catalogue that maps its prices.</summary>
    public static void EnsureConfigured(Ports.IPaymentGateway gateway, PlanCatalog catalog)
    {
        if (!gateway.IsConfigured || !catalog.IsConfigured)
            throw NotConfigured();
    }
}
