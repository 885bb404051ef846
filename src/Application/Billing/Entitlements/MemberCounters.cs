using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Persistence;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Billing.Entitlements;

internal sealed class MemberCounter(IRepository<Membership> memberships) : IUsageCounter
{
    public PlanResource Resource => PlanResource.Members;

    public Task<int> CountAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        memberships.CountAsync(new MembersOfWorkspaceSpec(workspaceId), cancellationToken);
}

internal sealed class PendingInvitationCounter(IRepository<Invitation> invitations, TimeProvider clock) : IUsageCounter
{
    public PlanResource Resource => PlanResource.PendingInvitations;

    public Task<int> CountAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        invitations.CountAsync(new PendingInvitationsOfWorkspaceSpec(workspaceId, clock.GetUtcNow()), cancellationToken);
}
