using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

/// <summary>How many websites a workspace has, for the plan's <c>MaxWebsites</c>.</summary>
internal sealed class WebsiteCounter(IRepository<Website> websites) : IUsageCounter
{
    public PlanResource Resource => PlanResource.Websites;

    public Task<int> CountAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        websites.CountAsync(new OfWorkspace(workspaceId), cancellationToken);

    // Named explicitly rather than left to the tenant filter: the entitlement check may run outside a workspace scope.
    private sealed class OfWorkspace : Specification<Website>
    {
        public OfWorkspace(Guid workspaceId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(w => w.WorkspaceId == workspaceId);
        }
    }
}
