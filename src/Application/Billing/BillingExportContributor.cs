using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing;

/// <summary><c>billing.json</c>: the workspace's plan and subscription status (no Stripe ids: they are Stripe's keys, not the customer's data).</summary>
internal sealed class BillingExportContributor(IRepository<BillingAccount> accounts, PlanCatalog catalog) : IExportContributor
{
    public sealed record Item(string Plan, SubscriptionStatus Status, DateTimeOffset? TrialEndsAt, DateTimeOffset? CurrentPeriodEnd,
        bool CancelAtPeriodEnd);

    public string Name => "billing";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new Spec(workspaceId), cancellationToken)
            ?? new Item(catalog.Free.Code, SubscriptionStatus.Active, null, null, false);
        await writer.WriteJsonAsync("billing.json", account, cancellationToken);
    }

    private sealed class Spec : Specification<BillingAccount, Item>
    {
        public Spec(Guid workspaceId)
        {
            Query.Where(a => a.WorkspaceId == workspaceId);
            Query.Select(a => new Item(a.PlanCode, a.Status, a.TrialEndsAt, a.CurrentPeriodEnd, a.CancelAtPeriodEnd));
        }
    }
}
