using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Persistence;

namespace IaGenify.Application.Billing.Entitlements;

internal sealed class EntitlementGuard(
    IRepository<Domain.Billing.BillingAccount> accounts,
    IEnumerable<IUsageCounter> counters,
    PlanCatalog catalog) : IEntitlements
{
    public async Task<EntitlementsDto> GetAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        EntitlementsDto.Of(await PlanOfAsync(workspaceId, cancellationToken));

    public async Task EnsureCanAddWebsiteAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var plan = await PlanOfAsync(workspaceId, cancellationToken);
        if (plan.Entitlements.MaxWebsites is { } max && await CountAsync(PlanResource.Websites, workspaceId, cancellationToken) >= max)
            throw PlanLimitException.LimitReached(plan.Code, plan.Name, "maxWebsites", "websites", max);
    }

    public async Task EnsureCanAddMemberAsync(Guid workspaceId, bool countPendingInvitations, CancellationToken cancellationToken)
    {
        var plan = await PlanOfAsync(workspaceId, cancellationToken);
        if (plan.Entitlements.MaxMembers is not { } max)
            return;
        var seats = await CountAsync(PlanResource.Members, workspaceId, cancellationToken);
        if (countPendingInvitations)
            seats += await CountAsync(PlanResource.PendingInvitations, workspaceId, cancellationToken);
        if (seats >= max)
            throw PlanLimitException.LimitReached(plan.Code, plan.Name, "maxMembers",
                countPendingInvitations ? "members (pending invitations included)" : "members", max);
    }

    public Task EnsureApiAccessAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        EnsureFeatureAsync(workspaceId, e => e.ApiAccess, "apiAccess", "API access", cancellationToken);

    public Task EnsureImageGenerationAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        EnsureFeatureAsync(workspaceId, e => e.ImageGeneration, "imageGeneration", "image generation", cancellationToken);

    public Task EnsureCustomDomainAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        EnsureFeatureAsync(workspaceId, e => e.CustomDomain, "customDomain", "custom domains", cancellationToken);

    private async Task EnsureFeatureAsync(Guid workspaceId, Func<PlanEntitlementOptions, bool> allowed, string entitlement,
        string feature, CancellationToken cancellationToken)
    {
        var plan = await PlanOfAsync(workspaceId, cancellationToken);
        if (!allowed(plan.Entitlements))
            throw PlanLimitException.FeatureUnavailable(plan.Code, plan.Name, entitlement, feature);
    }

    private async Task<PlanOptions> PlanOfAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new BillingAccountSpec(workspaceId), cancellationToken);
        return account is null ? catalog.Free : catalog.PlanOrFree(account.EntitledPlanCode(catalog.Free.Code));
    }

    private Task<int> CountAsync(PlanResource resource, Guid workspaceId, CancellationToken cancellationToken)
    {
        // The last registration wins, as with any service, so a host or a test can replace a module's counter.
        var counter = counters.LastOrDefault(c => c.Resource == resource)
            ?? throw new InvalidOperationException($"No {nameof(IUsageCounter)} is registered for {resource}; the module that owns it registers one.");
        return counter.CountAsync(workspaceId, cancellationToken);
    }
}
