namespace IaGenify.Application.Billing.Entitlements;

/// <summary>
/// Counts one resource of a workspace for the plan limits. The module that owns the resource registers one
/// (<c>services.AddScoped&lt;IUsageCounter, ...&gt;()</c>). It names its workspace explicitly, so it also works
/// outside a request scoped to that workspace (accepting an invitation).
/// </summary>
public interface IUsageCounter
{
    PlanResource Resource { get; }

    Task<int> CountAsync(Guid workspaceId, CancellationToken cancellationToken);
}
