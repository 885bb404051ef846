using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Credits;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.Billing.Processing.Handlers;

/// <summary>
/// A finished checkout: links the Stripe customer, then syncs the subscription it started or grants the credit pack
/// it paid for. The grant is keyed by the session (<c>checkout:{id}</c>), so the completed and the later
/// async-payment-succeeded events of one session grant once.
/// </summary>
internal sealed class CheckoutCompletedEventHandler(
    BillingWorkspaceResolver resolver,
    IBillingAccountLock accountLock,
    SubscriptionSync subscriptions,
    ICreditLedger ledger,
    PlanCatalog catalog,
    IAuditLog auditLog,
    TimeProvider clock,
    ILogger<CheckoutCompletedEventHandler> logger) : StripeEventHandler<CheckoutCompletedEvent>
{
    public override IReadOnlyCollection<string> EventTypes { get; } =
        [PaymentEventTypes.CheckoutCompleted, PaymentEventTypes.CheckoutAsyncPaymentSucceeded];

    protected override async Task<StripeEventOutcome> HandleAsync(CheckoutCompletedEvent checkout, CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(checkout.WorkspaceId, checkout.CustomerId, checkout.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return StripeEventOutcome.UnknownWorkspace;
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        if (checkout.CustomerId is { } customerId && account.StripeCustomerId != customerId)
            account.LinkCustomer(customerId, clock.GetUtcNow());

        switch (checkout.Mode)
        {
            case CheckoutMode.Subscription when checkout.SubscriptionId is { } subscriptionId:
                return await subscriptions.SyncAsync(account, subscriptionId, fallback: null, cancellationToken);
            case CheckoutMode.Payment when !checkout.Paid:
                return new StripeEventOutcome(workspaceId, "awaiting_payment");
            case CheckoutMode.Payment:
                if (catalog.FindPack(checkout.CreditPackCode) is not { } pack)
                {
                    logger.LogWarning("Stripe event {EventId}: checkout session {SessionId} names no known credit pack",
                        checkout.Id, checkout.SessionId);
                    return new StripeEventOutcome(workspaceId, "unknown_credit_pack");
                }
                var grant = await ledger.GrantAsync(workspaceId,
                    new CreditGrantRequest(GrantSource.Purchase, pack.Credits, Reference: $"pack:{pack.Code}"),
                    $"checkout:{checkout.SessionId}", cancellationToken);
                if (grant.Replayed)
                    return new StripeEventOutcome(workspaceId, "already_granted");
                auditLog.Record(AuditActions.BillingCreditsPurchased, workspaceId, "checkout_session", checkout.SessionId,
                    new Dictionary<string, string> { ["creditPack"] = pack.Code, ["credits"] = pack.Credits.ToString() });
                return new StripeEventOutcome(workspaceId, "credits_granted");
            default:
                return new StripeEventOutcome(workspaceId, "customer_linked");
        }
    }
}
