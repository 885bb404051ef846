using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.RestoreWorkspace;

[RequiresPermission(Permission.WorkspaceDelete)]
[AllowDeletedWorkspace]
public sealed record RestoreWorkspace(Guid WorkspaceId) : ICommand<WorkspaceDto>, IWorkspaceRequest;

internal sealed class RestoreWorkspaceHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RestoreWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(RestoreWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        workspace.Restore(clock.GetUtcNow());
        auditLog.Record(AuditActions.WorkspaceRestored, workspace.Id, "workspace", workspace.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(context.RequireWorkspaceRole());
    }
}
