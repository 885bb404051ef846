using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Workspaces.Purge;
using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing;

/// <summary>
/// A purged workspace must not go on being charged: its open subscription is canceled in Stripe (now, without
/// proration) and its billing row removed, inside the purge transaction. A Stripe failure rolls the purge back and
/// the next sweep retries. Stripe keeps the invoices; inbox rows keep only ids.
/// </summary>
internal sealed class BillingPurgeParticipant(IRepository<BillingAccount> accounts, IPaymentGateway gateway) : IWorkspacePurgeParticipant
{
    public async Task BeforePurgeAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new TrackedSpec(workspaceId), cancellationToken);
        if (account is null)
            return;
        if (account.HasOpenSubscription && gateway.IsConfigured)
            await gateway.CancelSubscriptionAsync(account.StripeSubscriptionId!, $"purge:{workspaceId}", cancellationToken);
        accounts.Remove(account);
    }

    private sealed class TrackedSpec : Specification<BillingAccount>
    {
        public TrackedSpec(Guid workspaceId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(a => a.WorkspaceId == workspaceId);
        }
    }
}
