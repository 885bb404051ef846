using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Events;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.Billing.Processing;

/// <summary>
/// Applies one payment event, once. The inbox row (unique event id), the billing account row lock, the ledger's
/// grant keyed by the Stripe object (<c>invoice:{id}</c>, <c>checkout:{id}</c>) and the changes all commit in one
/// transaction: a duplicate delivery does nothing, and so does the same invoice or checkout arriving under a new
/// event id. Subscription state is never taken from an event: it is re-fetched from Stripe under the lock, so an old
/// or out-of-order event cannot restore an old state.
/// </summary>
public sealed class BillingEventProcessor(
    IBillingInbox inbox,
    IBillingAccountLock accountLock,
    IRepository<BillingAccount> accounts,
    IRepository<Workspace> workspaces,
    IPaymentGateway gateway,
    ICreditLedger ledger,
    PlanCatalog catalog,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork,
    BillingEmails emails,
    TimeProvider clock,
    ILogger<BillingEventProcessor> logger)
{
    private sealed record Outcome(Guid? WorkspaceId, string Name, bool NotifyPaymentFailed = false);

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

        var outcome = paymentEvent switch
        {
            CheckoutCompletedEvent checkout => await CheckoutCompletedAsync(checkout, cancellationToken),
            InvoiceEvent { Type: PaymentEventTypes.InvoicePaid } invoice => await InvoicePaidAsync(invoice, cancellationToken),
            InvoiceEvent { Type: PaymentEventTypes.InvoicePaymentFailed } invoice => await PaymentFailedAsync(invoice, cancellationToken),
            SubscriptionEvent subscription => await SubscriptionChangedAsync(subscription, cancellationToken),
            _ => new Outcome(null, "ignored"),
        };
        received.Complete(outcome.WorkspaceId, outcome.Name, clock.GetUtcNow());
        if (outcome is { NotifyPaymentFailed: true, WorkspaceId: { } notified })
            await emails.StagePaymentFailedAsync(notified, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Stripe event {EventId} ({EventType}) processed: {Outcome} for workspace {WorkspaceId}",
            paymentEvent.Id, paymentEvent.Type, outcome.Name, outcome.WorkspaceId);
        return true;
    }

    private async Task<Outcome> CheckoutCompletedAsync(CheckoutCompletedEvent checkout, CancellationToken cancellationToken)
    {
        if (await ResolveWorkspaceAsync(checkout.WorkspaceId, checkout.CustomerId, checkout.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return new Outcome(null, "unknown_workspace");
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        if (checkout.CustomerId is { } customerId && account.StripeCustomerId != customerId)
            account.LinkCustomer(customerId, clock.GetUtcNow());

        switch (checkout.Mode)
        {
            case CheckoutMode.Subscription when checkout.SubscriptionId is { } subscriptionId:
                return await SyncSubscriptionAsync(account, subscriptionId, fallback: null, cancellationToken);
            case CheckoutMode.Payment when !checkout.Paid:
                return new Outcome(workspaceId, "awaiting_payment");
            case CheckoutMode.Payment:
                if (catalog.FindPack(checkout.CreditPackCode) is not { } pack)
                {
                    logger.LogWarning("Stripe event {EventId}: checkout session {SessionId} names no known credit pack",
                        checkout.Id, checkout.SessionId);
                    return new Outcome(workspaceId, "unknown_credit_pack");
                }
                var grant = await ledger.GrantAsync(workspaceId,
                    new CreditGrantRequest(GrantSource.Purchase, pack.Credits, Reference: $"pack:{pack.Code}"),
                    $"checkout:{checkout.SessionId}", cancellationToken);
                if (grant.Replayed)
                    return new Outcome(workspaceId, "already_granted");
                auditLog.Record(AuditActions.BillingCreditsPurchased, workspaceId, "checkout_session", checkout.SessionId,
                    new Dictionary<string, string> { ["creditPack"] = pack.Code, ["credits"] = pack.Credits.ToString() });
                return new Outcome(workspaceId, "credits_granted");
            default:
                return new Outcome(workspaceId, "customer_linked");
        }
    }

    private async Task<Outcome> InvoicePaidAsync(InvoiceEvent invoice, CancellationToken cancellationToken)
    {
        if (await ResolveWorkspaceAsync(invoice.WorkspaceId, invoice.CustomerId, invoice.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return new Outcome(null, "unknown_workspace");
        await accountLock.LockAsync(workspaceId, cancellationToken);

        var (plan, line) = invoice.Lines
            .Select(l => (Plan: catalog.FindPlanByPrice(l.PriceId), Line: l))
            .FirstOrDefault(l => l.Plan is not null);
        if (plan is null)
            return new Outcome(workspaceId, "no_plan_line");
        if (plan.MonthlyCredits <= 0)
            return new Outcome(workspaceId, "no_allowance");
        // The line's period is the service period paid for; the invoice's own period is the previous one on renewals.
        if (line.PeriodEnd is not { } expiresAt || expiresAt <= clock.GetUtcNow())
            return new Outcome(workspaceId, "period_over");

        var grant = await ledger.GrantAsync(workspaceId,
            new CreditGrantRequest(GrantSource.PlanAllowance, plan.MonthlyCredits, expiresAt, Reference: $"plan:{plan.Code}"),
            $"invoice:{invoice.InvoiceId}", cancellationToken);
        if (grant.Replayed)
            return new Outcome(workspaceId, "already_granted");
        auditLog.Record(AuditActions.BillingAllowanceGranted, workspaceId, "invoice", invoice.InvoiceId,
            new Dictionary<string, string> { ["plan"] = plan.Code, ["credits"] = plan.MonthlyCredits.ToString() });
        return new Outcome(workspaceId, "allowance_granted");
    }

    /// <summary>
    /// Takes nothing back. The status comes from the subscription re-fetched from Stripe (past due after a failed
    /// renewal), so a failure reported after the retry succeeded cannot mark a paying workspace past due.
    /// </summary>
    private async Task<Outcome> PaymentFailedAsync(InvoiceEvent invoice, CancellationToken cancellationToken)
    {
        if (await ResolveWorkspaceAsync(invoice.WorkspaceId, invoice.CustomerId, invoice.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return new Outcome(null, "unknown_workspace");
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        auditLog.Record(AuditActions.BillingPaymentFailed, workspaceId, "invoice", invoice.InvoiceId);
        var synced = invoice.SubscriptionId is { } subscriptionId
            ? await SyncSubscriptionAsync(account, subscriptionId, fallback: null, cancellationToken)
            : new Outcome(workspaceId, "payment_failed");
        return synced with { NotifyPaymentFailed = true };
    }

    private async Task<Outcome> SubscriptionChangedAsync(SubscriptionEvent subscriptionEvent, CancellationToken cancellationToken)
    {
        var reported = subscriptionEvent.Subscription;
        if (await ResolveWorkspaceAsync(reported.WorkspaceId, reported.CustomerId, reported.Id, cancellationToken)
            is not { } workspaceId)
            return new Outcome(null, "unknown_workspace");
        var account = await accountLock.LockAsync(workspaceId, cancellationToken);
        // A deletion is final, so its own payload may stand in when Stripe no longer returns the subscription.
        var fallback = subscriptionEvent.Type == PaymentEventTypes.SubscriptionDeleted ? reported : null;
        return await SyncSubscriptionAsync(account, reported.Id, fallback, cancellationToken);
    }

    /// <summary>Fetched while the account row is locked, so two events of one workspace apply states in the order fetched.</summary>
    private async Task<Outcome> SyncSubscriptionAsync(BillingAccount account, string subscriptionId, SubscriptionSnapshot? fallback,
        CancellationToken cancellationToken)
    {
        var current = await gateway.GetSubscriptionAsync(subscriptionId, cancellationToken) ?? fallback;
        if (current is null)
            return new Outcome(account.WorkspaceId, "subscription_not_found");
        var plan = current.Status.IsEnded() ? catalog.Free : catalog.FindPlanByPrice(current.PriceId);
        if (plan is null)
        {
            logger.LogWarning("Subscription {SubscriptionId} has price {PriceId}, which no plan in Billing:Plans uses",
                current.Id, current.PriceId);
            return new Outcome(account.WorkspaceId, "unknown_price");
        }
        var now = clock.GetUtcNow();
        var change = account.ApplySubscription(
            new SubscriptionState(current.Id, current.CustomerId, plan.Code, current.Status, current.TrialEnd,
                current.CurrentPeriodEnd, current.CancelAtPeriodEnd),
            catalog.Free.Code, asOf: now, now);
        Audit(account.WorkspaceId, change, current.Id);
        if (change is { AnyChanged: true })
        {
            var entitled = catalog.PlanOrFree(account.EntitledPlanCode(catalog.Free.Code));
            events.Publish(account.WorkspaceId, EventTypes.BillingUpdated, new BillingUpdatedData(account.PlanCode, account.Status,
                account.TrialEndsAt, account.CurrentPeriodEnd, account.CancelAtPeriodEnd, EntitlementsDto.Of(entitled)));
        }
        return new Outcome(account.WorkspaceId, change is null ? "stale" : "subscription_synced");
    }

    private void Audit(Guid workspaceId, BillingChange? change, string? subscriptionId)
    {
        if (change is null)
            return;
        if (change.PlanChanged)
            auditLog.Record(AuditActions.BillingPlanChanged, workspaceId, "subscription", subscriptionId,
                new Dictionary<string, string> { ["from"] = change.FromPlan, ["to"] = change.ToPlan });
        if (change.StatusChanged)
            auditLog.Record(AuditActions.BillingStatusChanged, workspaceId, "subscription", subscriptionId,
                new Dictionary<string, string> { ["from"] = change.FromStatus.ToString(), ["to"] = change.ToStatus.ToString() });
    }

    /// <summary>The workspace named in the metadata we gave Stripe, else the one whose customer or subscription it is.</summary>
    private async Task<Guid?> ResolveWorkspaceAsync(Guid? fromMetadata, string? customerId, string? subscriptionId,
        CancellationToken cancellationToken)
    {
        if (fromMetadata is { } named && await workspaces.AnyAsync(new WorkspaceByIdSpec(named), cancellationToken))
            return named;
        if (customerId is null && subscriptionId is null)
            return null;
        var account = await accounts.FirstOrDefaultAsync(new BillingAccountByStripeIdSpec(customerId, subscriptionId), cancellationToken);
        return account?.WorkspaceId;
    }
}
