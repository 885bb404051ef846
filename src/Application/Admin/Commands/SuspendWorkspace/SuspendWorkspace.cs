using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Admin.Commands.SuspendWorkspace;

/// <summary>Makes a workspace read-only for its members and keys: commands get 423, queries still answer.</summary>
public sealed record SuspendWorkspace(Guid WorkspaceId, string Reason) : ICommand, IWorkspaceSupportRequest;

internal sealed class SuspendWorkspaceHandler(
    IRepository<Workspace> workspaces,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<SuspendWorkspace, Unit>
{
    public async Task<Unit> Handle(SuspendWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        workspace.Suspend(request.Reason, clock.GetUtcNow());
        auditLog.Record(AuditActions.WorkspaceSuspended, workspace.Id, "workspace", workspace.Id.ToString(),
            new Dictionary<string, string> { ["reason"] = workspace.SuspensionReason! });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
