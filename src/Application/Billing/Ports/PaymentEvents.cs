using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing.Ports;

/// <summary>Stripe event types billing acts on; every other type is stored and acknowledged.</summary>
public static class PaymentEventTypes
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string CheckoutAsyncPaymentSucceeded = "checkout.session.async_payment_succeeded";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string SubscriptionCreated = "customer.subscription.created";
    public const string SubscriptionUpdated = "customer.subscription.updated";
    public const string SubscriptionDeleted = "customer.subscription.deleted";
    public const string SubscriptionTrialWillEnd = "customer.subscription.trial_will_end";
    public const string SubscriptionPaused = "customer.subscription.paused";
    public const string SubscriptionResumed = "customer.subscription.resumed";

    public static readonly IReadOnlyList<string> Handled =
    [
        CheckoutCompleted, CheckoutAsyncPaymentSucceeded, InvoicePaid, InvoicePaymentFailed, SubscriptionCreated,
        SubscriptionUpdated, SubscriptionDeleted, SubscriptionTrialWillEnd, SubscriptionPaused, SubscriptionResumed,
    ];
}

public enum CheckoutMode
{
    Subscription = 1,
    Payment = 2,
}

/// <summary>A payment-provider event, reduced to the ids and facts billing needs (never the raw payload).</summary>
public abstract record PaymentEvent(string Id, string Type, DateTimeOffset Created);

/// <summary>Any event type billing does not act on.</summary>
public sealed record OtherPaymentEvent(string Id, string Type, DateTimeOffset Created) : PaymentEvent(Id, Type, Created);

/// <param name="Paid">The payment was collected (or none was needed); false while an asynchronous payment is pending.</param>
public sealed record CheckoutCompletedEvent(string Id, string Type, DateTimeOffset Created, string SessionId, CheckoutMode? Mode,
    bool Paid, Guid? WorkspaceId, string? CustomerId, string? SubscriptionId, string? CreditPackCode)
    : PaymentEvent(Id, Type, Created);

public sealed record InvoiceLine(string? PriceId, DateTimeOffset? PeriodEnd);

/// <param name="WorkspaceId">From <c>parent.subscription_details.metadata.workspace_id</c>, when present.</param>
public sealed record InvoiceEvent(string Id, string Type, DateTimeOffset Created, string InvoiceId, string? CustomerId,
    string? SubscriptionId, Guid? WorkspaceId, IReadOnlyList<InvoiceLine> Lines) : PaymentEvent(Id, Type, Created);

/// <summary>A subscription event; <see cref="Subscription"/> is the state in the payload, which may be stale.</summary>
public sealed record SubscriptionEvent(string Id, string Type, DateTimeOffset Created, SubscriptionSnapshot Subscription)
    : PaymentEvent(Id, Type, Created);

/// <summary>A subscription as Stripe describes it; <see cref="PriceId"/> is its first item's price.</summary>
public sealed record SubscriptionSnapshot(string Id, string? CustomerId, SubscriptionStatus Status, string? PriceId,
    Guid? WorkspaceId, DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? TrialEnd, bool CancelAtPeriodEnd);
