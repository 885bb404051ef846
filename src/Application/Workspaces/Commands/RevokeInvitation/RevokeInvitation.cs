using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.RevokeInvitation;

[RequiresPermission(Permission.MembersManage)]
public sealed record RevokeInvitation(Guid WorkspaceId, Guid InvitationId) : ICommand, IWorkspaceRequest;

internal sealed class RevokeInvitationHandler(
    RequestContext context,
    IRepository<Invitation> invitations,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RevokeInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FirstOrNotFoundAsync(new InvitationByIdSpec(request.WorkspaceId, request.InvitationId), "Invitation", cancellationToken);
        invitation.Revoke(context.RequireWorkspaceRole(), clock.GetUtcNow());
        auditLog.Record(AuditActions.InvitationRevoked, request.WorkspaceId, "invitation", invitation.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
