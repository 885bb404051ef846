using IaGenify.Application.Billing.Ports;

namespace IaGenify.Application.Billing.Processing;

/// <summary>A handler of the event types that map to one <see cref="PaymentEvent"/> shape.</summary>
internal abstract class StripeEventHandler<TEvent> : IStripeEventHandler where TEvent : PaymentEvent
{
    public abstract IReadOnlyCollection<string> EventTypes { get; }

    public Task<StripeEventOutcome> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken) =>
        paymentEvent is TEvent typed ? HandleAsync(typed, cancellationToken) : Task.FromResult(StripeEventOutcome.Ignored);

    protected abstract Task<StripeEventOutcome> HandleAsync(TEvent paymentEvent, CancellationToken cancellationToken);
}
