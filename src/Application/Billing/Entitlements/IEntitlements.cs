namespace IaGenify.Application.Billing.Entitlements;

/// <summary>
/// The one place modules ask what a workspace's plan allows. Each <c>Ensure…</c> throws
/// <see cref="Common.Exceptions.PlanLimitException"/> (→ 402 ProblemDetails naming the plan and its limit) when the plan does not
/// allow the action; call it in the handler before the change is staged.
/// </summary>
public interface IEntitlements
{
    /// <summary>The entitlements in force for the workspace (the free plan's unless a subscription is in good standing).</summary>
    Task<EntitlementsDto> GetAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task EnsureCanAddWebsiteAsync(Guid workspaceId, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="countPendingInvitations"/>: true when inviting (pending invitations hold a seat), false when an
    /// invitation is accepted (the accepted invitation's seat becomes a member).
    /// </summary>
    Task EnsureCanAddMemberAsync(Guid workspaceId, bool countPendingInvitations, CancellationToken cancellationToken);

    Task EnsureApiAccessAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task EnsureImageGenerationAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task EnsureCustomDomainAsync(Guid workspaceId, CancellationToken cancellationToken);
}
