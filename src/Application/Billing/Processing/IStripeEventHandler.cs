using IaGenify.Application.Billing.Ports;

namespace IaGenify.Application.Billing.Processing;

/// <summary>
/// Applies the Stripe event types it names (registered with <c>AddStripeEventHandler</c>). It runs inside
/// <see cref="BillingEventProcessor"/>'s transaction, after the inbox row was claimed: it stages changes and never commits.
/// </summary>
public interface IStripeEventHandler
{
    IReadOnlyCollection<string> EventTypes { get; }

    Task<StripeEventOutcome> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken);
}
