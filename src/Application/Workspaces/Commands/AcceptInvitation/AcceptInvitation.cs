using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.AcceptInvitation;

/// <summary>The signed-in user whose email the invitation was sent to joins the workspace with the invited role.</summary>
public sealed record AcceptInvitation(string Token) : ICommand<WorkspaceDto>, IUserRequest;

internal sealed class AcceptInvitationHandler(
    RequestContext context,
    IRepository<Invitation> invitations,
    IRepository<Workspace> workspaces,
    IRepository<User> users,
    IMemberSeats seats,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<AcceptInvitation, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(AcceptInvitation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await invitations.FirstOrNotFoundAsync(new InvitationByTokenSpec(SecureToken.Hash(request.Token)), "Invitation", cancellationToken);
        var workspace = await workspaces.FirstOrDefaultAsync(new WorkspaceWithMembersSpec(invitation.WorkspaceId, acrossTenants: true), cancellationToken);
        if (workspace is null || workspace.IsDeleted)
            throw new NotFoundException("Invitation");
        var user = await users.FirstOrNotFoundAsync(new UserByIdSpec(context.Principal.RequireUserId()), "User", cancellationToken);
        // Its access tokens are refused once the suspension reaches this replica; this covers the moments before.
        user.EnsureNotSuspended();

        invitation.Accept(user.Id, user.Email, now);
        await seats.EnsureCanAddMemberAsync(workspace.Id, countPendingInvitations: false, cancellationToken);
        workspace.AddMember(user.Id, invitation.Role, now);
        auditLog.Record(AuditActions.InvitationAccepted, workspace.Id, "invitation", invitation.Id.ToString(),
            new Dictionary<string, string> { ["role"] = invitation.Role.ToString() });
        events.Publish(workspace.Id, EventTypes.MemberJoined, new MemberJoinedData(user.Id, user.Email, invitation.Role));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(invitation.Role);
    }
}
