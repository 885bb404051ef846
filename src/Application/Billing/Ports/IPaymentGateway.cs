namespace IaGenify.Application.Billing.Ports;

public sealed record CustomerRequest(Guid WorkspaceId, string WorkspaceName, string? Email);

/// <param name="TrialDays">Subscription mode only; null for no trial.</param>
/// <param name="CreditPackCode">Payment mode only: recorded in the session's metadata.</param>
public sealed record CheckoutRequest(Guid WorkspaceId, string CustomerId, CheckoutMode Mode, string PriceId, int? TrialDays,
    string? CreditPackCode, string SuccessUrl, string CancelUrl);

/// <summary>
/// The payment provider (Stripe). Every call that creates something takes an idempotency key derived from the
/// operation, so that a retry never creates a second customer or session.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no API key is configured: checkout and portal then answer 503.</summary>
    bool IsConfigured { get; }

    /// <summary>Checks the <c>Stripe-Signature</c> of a webhook and reads its event; <see cref="WebhookRejectedException"/> otherwise.</summary>
    PaymentEvent ReadWebhook(string payload, string? signatureHeader);

    /// <summary>Returns the customer's id.</summary>
    Task<string> CreateCustomerAsync(CustomerRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Returns the URL of a Checkout Session.</summary>
    Task<string> CreateCheckoutSessionAsync(CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Returns the URL of a customer-portal session.</summary>
    Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Ends a subscription now, without proration; a subscription Stripe no longer knows counts as ended.</summary>
    Task CancelSubscriptionAsync(string subscriptionId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The subscription as Stripe knows it now; null when Stripe does not know it.</summary>
    Task<SubscriptionSnapshot?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Events billing acts on, created since <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<PaymentEvent>> ListEventsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
