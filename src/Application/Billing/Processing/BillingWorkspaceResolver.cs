using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Billing.Processing;

/// <summary>Finds the workspace a Stripe object belongs to.</summary>
internal sealed class BillingWorkspaceResolver(IRepository<Workspace> workspaces, IRepository<BillingAccount> accounts)
{
    /// <summary>The workspace named in the metadata we gave Stripe, else the one whose customer or subscription it is.</summary>
    public async Task<Guid?> ResolveAsync(Guid? fromMetadata, string? customerId, string? subscriptionId,
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
