using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing.Ports;

/// <summary>
/// Serialises the billing changes of one workspace. Opens the unit of work's transaction, opens the workspace's
/// account on first use (on the free plan) and locks its row until the caller's <c>SaveChangesAsync</c> commits.
/// </summary>
public interface IBillingAccountLock
{
    Task<BillingAccount> LockAsync(Guid workspaceId, CancellationToken cancellationToken);
}
