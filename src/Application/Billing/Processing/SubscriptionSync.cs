using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Events;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.Billing.Processing;

/// <summary>
/// Brings a billing account to its subscription's current state. The state is never taken from an event: it is
/// re-fetched from Stripe, so an old or out-of-order event cannot restore an old state.
/// </summary>
internal sealed class SubscriptionSync(
    IPaymentGateway gateway,
    PlanCatalog catalog,
    IAuditLog auditLog,
    IEventPublisher events,
    TimeProvider clock,
    ILogger<SubscriptionSync> logger)
{
    /// <summary>
    /// Call with the account row locked, so two events of one workspace apply states in the order fetched.
    /// <paramref name="fallback"/> stands in when Stripe no longer returns the subscription.
    /// </summary>
    public async Task<StripeEventOutcome> SyncAsync(BillingAccount account, string subscriptionId, SubscriptionSnapshot? fallback,
        CancellationToken cancellationToken)
    {
        var current = await gateway.GetSubscriptionAsync(subscriptionId, cancellationToken) ?? fallback;
        if (current is null)
            return new StripeEventOutcome(account.WorkspaceId, "subscription_not_found");
        var plan = current.Status.IsEnded() ? catalog.Free : catalog.FindPlanByPrice(current.PriceId);
        if (plan is null)
        {
            logger.LogWarning("Subscription {SubscriptionId} has price {PriceId}, which no plan in Billing:Plans uses",
                current.Id, current.PriceId);
            return new StripeEventOutcome(account.WorkspaceId, "unknown_price");
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
        return new StripeEventOutcome(account.WorkspaceId, change is null ? "stale" : "subscription_synced");
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
}
