using IaGenify.Application.Billing.Ports;
using IaGenify.Domain.Billing;
using Stripe;
using Stripe.Checkout;

namespace IaGenify.Infrastructure.Billing;

/// <summary>Reduces Stripe objects (API version <c>2026-10-28.endive</c>) to the facts billing acts on.</summary>
internal static class StripeEventMapper
{
    public const string WorkspaceIdKey = "workspace_id";
    public const string CreditPackKey = "credit_pack";

    public static PaymentEvent Map(Event stripeEvent)
    {
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
            throw new WebhookRejectedException("The event has no id or type.");
        var created = Utc(stripeEvent.Created) ?? throw new WebhookRejectedException("The event has no creation time.");
        var (id, type) = (stripeEvent.Id, stripeEvent.Type);
        switch (type)
        {
            case PaymentEventTypes.CheckoutCompleted or PaymentEventTypes.CheckoutAsyncPaymentSucceeded:
                var session = Expect<Session>(stripeEvent);
                return new CheckoutCompletedEvent(id, type, created, session.Id, ModeOf(session.Mode),
                    session.PaymentStatus is "paid" or "no_payment_required",
                    WorkspaceOf(session.Metadata) ?? ParseGuid(session.ClientReferenceId), session.CustomerId, session.SubscriptionId,
                    session.Metadata?.GetValueOrDefault(CreditPackKey));
            case PaymentEventTypes.InvoicePaid or PaymentEventTypes.InvoicePaymentFailed:
                var invoice = Expect<Invoice>(stripeEvent);
                var subscription = invoice.Parent?.SubscriptionDetails;
                return new InvoiceEvent(id, type, created, invoice.Id, invoice.CustomerId, subscription?.SubscriptionId,
                    WorkspaceOf(subscription?.Metadata),
                    invoice.Lines?.Data?.Select(l => new InvoiceLine(l.Pricing?.PriceDetails?.PriceId, Utc(l.Period?.End))).ToList() ?? []);
            case PaymentEventTypes.SubscriptionCreated or PaymentEventTypes.SubscriptionUpdated or PaymentEventTypes.SubscriptionDeleted
                or PaymentEventTypes.SubscriptionTrialWillEnd or PaymentEventTypes.SubscriptionPaused or PaymentEventTypes.SubscriptionResumed:
                return new SubscriptionEvent(id, type, created, Snapshot(Expect<Subscription>(stripeEvent)));
            default:
                return new OtherPaymentEvent(id, type, created);
        }
    }

    public static SubscriptionSnapshot Snapshot(Subscription subscription)
    {
        var item = subscription.Items?.Data?.FirstOrDefault();
        return new SubscriptionSnapshot(subscription.Id, subscription.CustomerId, StatusOf(subscription.Status), item?.Price?.Id,
            WorkspaceOf(subscription.Metadata), Utc(item?.CurrentPeriodEnd), Utc(subscription.TrialEnd),
            // The portal may schedule the end as cancel_at rather than cancel_at_period_end.
            subscription.CancelAtPeriodEnd || subscription.CancelAt is not null);
    }

    private static T Expect<T>(Event stripeEvent) where T : class =>
        stripeEvent.Data?.Object as T
        ?? throw new WebhookRejectedException($"The {stripeEvent.Type} event does not carry a {typeof(T).Name}.");

    /// <summary>Unknown statuses grant nothing and end nothing.</summary>
    private static SubscriptionStatus StatusOf(string? status) => status switch
    {
        "active" => SubscriptionStatus.Active,
        "trialing" => SubscriptionStatus.Trialing,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "canceled" => SubscriptionStatus.Canceled,
        "incomplete_expired" => SubscriptionStatus.IncompleteExpired,
        "paused" => SubscriptionStatus.Paused,
        _ => SubscriptionStatus.Incomplete,
    };

    private static CheckoutMode? ModeOf(string? mode) => mode switch
    {
        "subscription" => CheckoutMode.Subscription,
        "payment" => CheckoutMode.Payment,
        _ => null,
    };

    private static Guid? WorkspaceOf(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(WorkspaceIdKey, out var value) ? ParseGuid(value) : null;

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var parsed) ? parsed : null;

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } time && time > DateTime.UnixEpoch ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
