using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.RemoveMember;

/// <summary>
/// Removes a member, or lets the caller leave when <see cref="UserId"/> is their own. Any member may leave, so the
/// request only needs read access; removing someone else is checked by the workspace's membership rules.
/// </summary>
[RequiresPermission(Permission.WorkspaceRead)]
public sealed record RemoveMember(Guid WorkspaceId, Guid UserId) : ICommand, IWorkspaceRequest;

internal sealed class RemoveMemberHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork) : IRequestHandler<RemoveMember, Unit>
{
    public async Task<Unit> Handle(RemoveMember request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceWithMembersSpec(request.WorkspaceId), "Workspace", cancellationToken);
        // API keys have no membership of their own; they can remove others but never "leave".
        var actorId = context.Principal.UserId ?? Guid.Empty;
        var removed = workspace.RemoveMember(actorId, context.RequireWorkspaceRole(), request.UserId);
        var left = removed.UserId == actorId;
        auditLog.Record(left ? AuditActions.MemberLeft : AuditActions.MemberRemoved,
            workspace.Id, "user", removed.UserId.ToString(),
            new Dictionary<string, string> { ["role"] = removed.Role.ToString() });
        events.Publish(workspace.Id, EventTypes.MemberRemoved, new MemberRemovedData(removed.UserId, removed.Role, left));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
