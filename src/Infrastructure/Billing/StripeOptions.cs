namespace IaGenify.Infrastructure.Billing;

/// <summary>Configuration section <c>Stripe</c>. Without a secret key billing answers 503 and the rest of the product works.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>API key (<c>sk_…</c> or a restricted <c>rk_…</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>Signing secret of the webhook endpoint (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Base URL of the API; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed webhook may be.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Retries of a failed call (Stripe.net retries with the same idempotency key).</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Upper bound of events one reconciliation reads.</summary>
    public int MaxReconciledEvents { get; set; } = 5000;
}
