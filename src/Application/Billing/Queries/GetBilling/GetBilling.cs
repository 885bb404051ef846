using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Billing.Queries.GetBilling;

/// <summary>The workspace's plan, subscription status and the entitlements in force. Every member may read it.</summary>
[RequiresPermission(Permission.WorkspaceRead)]
public sealed record GetBilling(Guid WorkspaceId) : IQuery<BillingDto>, IWorkspaceRequest;

internal sealed class GetBillingHandler(IRepository<BillingAccount> accounts, PlanCatalog catalog) : IRequestHandler<GetBilling, BillingDto>
{
    public async Task<BillingDto> Handle(GetBilling request, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new BillingAccountSpec(request.WorkspaceId), cancellationToken);
        if (account is null)
            return new BillingDto(new BillingPlanDto(catalog.Free.Code, catalog.Free.Name), SubscriptionStatus.Active, null, null, false,
                EntitlementsDto.Of(catalog.Free));
        var plan = catalog.PlanOrFree(account.PlanCode);
        var entitled = catalog.PlanOrFree(account.EntitledPlanCode(catalog.Free.Code));
        return new BillingDto(new BillingPlanDto(plan.Code, plan.Name), account.Status, account.TrialEndsAt, account.CurrentPeriodEnd,
            account.CancelAtPeriodEnd, EntitlementsDto.Of(entitled));
    }
}
