using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing.Ports;

/// <summary>The inbox of payment events: each event id is stored once.</summary>
public interface IBillingInbox
{
    /// <summary>
    /// Stores the event in the unit of work's transaction and returns its row, or null when it was stored before.
    /// A concurrent delivery of the same event waits until the first one commits (then gets null) or rolls back
    /// (then stores it itself), so an event has one effect however many deliveries race.
    /// </summary>
    Task<BillingInboxEvent?> TryReceiveAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken);
}
