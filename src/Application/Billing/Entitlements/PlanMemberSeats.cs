using IaGenify.Application.Workspaces.Ports;

namespace IaGenify.Application.Billing.Entitlements;

/// <summary>Answers Workspaces' seat question with the plan's member limit.</summary>
internal sealed class PlanMemberSeats(IEntitlements entitlements) : IMemberSeats
{
    public Task EnsureCanAddMemberAsync(Guid workspaceId, bool countPendingInvitations, CancellationToken cancellationToken) =>
        entitlements.EnsureCanAddMemberAsync(workspaceId, countPendingInvitations, cancellationToken);
}
