using IaGenify.Application.Billing.Ports;

namespace IaGenify.Application.Billing.Processing.Handlers;

/// <summary>Any change of a subscription: the account takes the subscription's current state from Stripe.</summary>
internal sealed class SubscriptionChangedEventHandler(
    BillingWorkspaceResolver resolver,
    IBillingAccountLock accountLock,
    SubscriptionSync subscriptions) : StripeEventHandler<SubscriptionEvent>
{
    public override IReadOnlyCollection<string> EventTypes { get; } =
    [
        PaymentEventTypes.SubscriptionCreated, PaymentEventTypes.SubscriptionUpdated, PaymentEventTypes.SubscriptionDeleted,
        PaymentEventTypes.SubscriptionTrialWillEnd, PaymentEventTypes.SubscriptionPaused, PaymentEventTypes.SubscriptionResumed,
    ];

    protected override async Task<StripeEventOutcome> HandleAsync(SubscriptionEvent subscriptionEvent, CancellationToken cancellationToken)
    {
        var reported = subscriptionEvent.Subscription;
        if (await resolver.ResolveAsync(reported.WorkspaceId, reported.CustomerId, reported.Id, cancellationToken)
            is not { } workspaceId)
            return StripeEventOutcome.UnknownWorkspace;
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        // A deletion is final, so its own payload may stand in when Stripe no longer returns the subscription.
        var fallback = subscriptionEvent.Type == PaymentEventTypes.SubscriptionDeleted ? reported : null;
        return await subscriptions.SyncAsync(account, reported.Id, fallback, cancellationToken);
    }
}
