using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.DeleteWorkspace;

/// <summary>Soft-deletes the workspace: it disappears for everyone and can be restored by an owner within the window.</summary>
[RequiresPermission(Permission.WorkspaceDelete)]
public sealed record DeleteWorkspace(Guid WorkspaceId) : ICommand, IWorkspaceRequest;

internal sealed class DeleteWorkspaceHandler(
    IRepository<Workspace> workspaces,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<DeleteWorkspace, Unit>
{
    public async Task<Unit> Handle(DeleteWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        workspace.Delete(clock.GetUtcNow());
        auditLog.Record(AuditActions.WorkspaceDeleted, workspace.Id, "workspace", workspace.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
