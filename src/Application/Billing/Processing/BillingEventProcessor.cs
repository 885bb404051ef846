using System.Collections.Frozen;
using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Persistence;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.Billing.Processing;

/// <summary>
/// Applies one payment event, once: claims its inbox row (unique event id), hands it to the one
/// <see cref="IStripeEventHandler"/> of its type, records the outcome and commits. The inbox row, the billing account
/// row lock, the ledger's grant keyed by the Stripe object (<c>invoice:{id}</c>, <c>checkout:{id}</c>) and the changes
/// all commit in one transaction: a duplicate delivery does nothing, and so does the same invoice or checkout arriving
/// under a new event id. A type no handler names is recorded as ignored.
/// </summary>
public sealed class BillingEventProcessor(
    IBillingInbox inbox,
    IEnumerable<IStripeEventHandler> handlers,
    BillingEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<BillingEventProcessor> logger)
{
    private readonly FrozenDictionary<string, IStripeEventHandler> byType = ByType(handlers);

    /// <summary>Returns false when the event had been processed before.</summary>
    public async Task<bool> ProcessAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        var received = await inbox.TryReceiveAsync(paymentEvent, cancellationToken);
        if (received is null)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Stripe event {EventId} ({EventType}) was already processed", paymentEvent.Id, paymentEvent.Type);
            return false;
        }

        var outcome = byType.TryGetValue(paymentEvent.Type, out var handler)
            ? await handler.HandleAsync(paymentEvent, cancellationToken)
            : StripeEventOutcome.Ignored;
        received.Complete(outcome.WorkspaceId, outcome.Name, clock.GetUtcNow());
        if (outcome is { NotifyPaymentFailed: true, WorkspaceId: { } notified })
            await emails.StagePaymentFailedAsync(notified, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Stripe event {EventId} ({EventType}) processed: {Outcome} for workspace {WorkspaceId}",
            paymentEvent.Id, paymentEvent.Type, outcome.Name, outcome.WorkspaceId);
        return true;
    }

    private static FrozenDictionary<string, IStripeEventHandler> ByType(IEnumerable<IStripeEventHandler> handlers)
    {
        var byType = new Dictionary<string, IStripeEventHandler>();
        foreach (var handler in handlers)
            foreach (var type in handler.EventTypes)
                if (!byType.TryAdd(type, handler))
                    throw new InvalidOperationException(
                        $"Stripe event type '{type}' has two handlers: {byType[type].GetType().Name} and {handler.GetType().Name}.");
        return byType.ToFrozenDictionary();
    }
}
