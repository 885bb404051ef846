using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.ChangeMemberRole;

[RequiresPermission(Permission.MembersManage)]
public sealed record ChangeMemberRole(Guid WorkspaceId, Guid UserId, Role Role) : ICommand<MemberDto>, IWorkspaceRequest;

internal sealed class ChangeMemberRoleHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IRepository<Membership> memberships,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<ChangeMemberRole, MemberDto>
{
    public async Task<MemberDto> Handle(ChangeMemberRole request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceWithMembersSpec(request.WorkspaceId), "Workspace", cancellationToken);
        var previous = workspace.FindMember(request.UserId)?.Role ?? throw new NotFoundException("Member");
        workspace.ChangeMemberRole(context.RequireWorkspaceRole(), request.UserId, request.Role);
        if (previous != request.Role)
            auditLog.Record(AuditActions.MemberRoleChanged, workspace.Id, "user", request.UserId.ToString(),
                new Dictionary<string, string> { ["from"] = previous.ToString(), ["to"] = request.Role.ToString() });
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return (await memberships.FirstOrDefaultAsync(new MemberByUserSpec(workspace.Id, request.UserId), cancellationToken))!;
    }
}
