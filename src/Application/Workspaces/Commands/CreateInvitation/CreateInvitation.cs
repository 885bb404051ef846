using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.CreateInvitation;

/// <summary>Invites an email to the workspace with a role and mails the accept link.</summary>
[RequiresVerifiedEmail]
[RequiresPermission(Permission.MembersManage)]
public sealed record CreateInvitation(Guid WorkspaceId, string Email, Role Role) : ICommand<InvitationDto>, IWorkspaceRequest;

internal sealed class CreateInvitationHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IRepository<Invitation> invitations,
    IRepository<User> users,
    AccountEmails emails,
    IMemberSeats seats,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateInvitation, InvitationDto>
{
    public async Task<InvitationDto> Handle(CreateInvitation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = EmailAddress.Normalize(request.Email);
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceWithMembersSpec(request.WorkspaceId), "Workspace", cancellationToken);

        var invitee = await users.FirstOrDefaultAsync(new UserByEmailSpec(email), cancellationToken);
        if (invitee is not null && workspace.FindMember(invitee.Id) is not null)
            throw new ConflictException("member.exists", "This person is already a member of the workspace.");
        if (await invitations.AnyAsync(new PendingInvitationForEmailSpec(workspace.Id, email, now), cancellationToken))
            throw new ConflictException("invitation.pending", "This email already has a pending invitation; revoke it to send a new one.");
        await seats.EnsureCanAddMemberAsync(workspace.Id, countPendingInvitations: true, cancellationToken);

        var token = SecureToken.Create();
        var invitation = Invitation.Create(workspace.Id, email, request.Role, context.RequireWorkspaceRole(),
            context.Principal.UserId, context.Principal.ApiKeyId, SecureToken.Hash(token), now);
        invitations.Add(invitation);
        auditLog.Record(AuditActions.InvitationCreated, workspace.Id, "invitation", invitation.Id.ToString(),
            new Dictionary<string, string> { ["role"] = invitation.Role.ToString() });
        var inviter = context.Principal.UserId is { } inviterId
            ? (await users.FirstOrDefaultAsync(new UserByIdSpec(inviterId), cancellationToken))?.DisplayName
            : null;
        emails.StageInvitation(email, workspace.Name, inviter ?? "A workspace admin", invitation.Role.ToString(), token);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return invitation.ToDto(now);
    }
}
