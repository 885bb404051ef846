using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Auditing;
using IaGenify.Domain.Audit;

namespace IaGenify.Application.Billing.Processing.Handlers;

/// <summary>
/// A failed payment takes nothing back and notifies the owners. The status comes from the subscription re-fetched from
/// Stripe (past due after a failed renewal), so a failure reported after the retry succeeded cannot mark a paying
/// workspace past due.
/// </summary>
internal sealed class InvoicePaymentFailedEventHandler(
    BillingWorkspaceResolver resolver,
    IBillingAccountLock accountLock,
    SubscriptionSync subscriptions,
    IAuditLog auditLog) : StripeEventHandler<InvoiceEvent>
{
    public override IReadOnlyCollection<string> EventTypes { get; } = [PaymentEventTypes.InvoicePaymentFailed];

    protected override async Task<StripeEventOutcome> HandleAsync(InvoiceEvent invoice, CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(invoice.WorkspaceId, invoice.CustomerId, invoice.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return StripeEventOutcome.UnknownWorkspace;
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        auditLog.Record(AuditActions.BillingPaymentFailed, workspaceId, "invoice", invoice.InvoiceId);
        var synced = invoice.SubscriptionId is { } subscriptionId
            ? await subscriptions.SyncAsync(account, subscriptionId, fallback: null, cancellationToken)
            : new StripeEventOutcome(workspaceId, "payment_failed");
        return synced with { NotifyPaymentFailed = true };
    }
}
