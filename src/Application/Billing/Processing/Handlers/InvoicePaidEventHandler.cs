using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.Billing.Processing.Handlers;

/// <summary>
/// A paid invoice grants its plan's monthly credits, expiring with the period paid for. The grant is keyed by the
/// invoice (<c>invoice:{id}</c>), so the same invoice under a new event id grants nothing more.
/// </summary>
internal sealed class InvoicePaidEventHandler(
    BillingWorkspaceResolver resolver,
    IBillingAccountLock accountLock,
    ICreditLedger ledger,
    PlanCatalog catalog,
    IAuditLog auditLog,
    TimeProvider clock) : StripeEventHandler<InvoiceEvent>
{
    public override IReadOnlyCollection<string> EventTypes { get; } = [PaymentEventTypes.InvoicePaid];

    protected override async Task<StripeEventOutcome> HandleAsync(InvoiceEvent invoice, CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(invoice.WorkspaceId, invoice.CustomerId, invoice.SubscriptionId, cancellationToken)
            is not { } workspaceId)
            return StripeEventOutcome.UnknownWorkspace;
        await accountLock.LockAsync(workspaceId, cancellationToken);

        var (plan, line) = invoice.Lines
            .Select(l => (Plan: catalog.FindPlanByPrice(l.PriceId), Line: l))
            .FirstOrDefault(l => l.Plan is not null);
        if (plan is null)
            return new StripeEventOutcome(workspaceId, "no_plan_line");
        if (plan.MonthlyCredits <= 0)
            return new StripeEventOutcome(workspaceId, "no_allowance");
        // The line's period is the service period paid for; the invoice's own period is the previous one on renewals.
        if (line.PeriodEnd is not { } expiresAt || expiresAt <= clock.GetUtcNow())
            return new StripeEventOutcome(workspaceId, "period_over");

        var grant = await ledger.GrantAsync(workspaceId,
            new CreditGrantRequest(GrantSource.PlanAllowance, plan.MonthlyCredits, expiresAt, Reference: $"plan:{plan.Code}"),
            $"invoice:{invoice.InvoiceId}", cancellationToken);
        if (grant.Replayed)
            return new StripeEventOutcome(workspaceId, "already_granted");
        auditLog.Record(AuditActions.BillingAllowanceGranted, workspaceId, "invoice", invoice.InvoiceId,
            new Dictionary<string, string> { ["plan"] = plan.Code, ["credits"] = plan.MonthlyCredits.ToString() });
        return new StripeEventOutcome(workspaceId, "allowance_granted");
    }
}
