using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Admin.Commands.UnsuspendWorkspace;

/// <summary>Lifts a suspension: members and keys can change the workspace again.</summary>
public sealed record UnsuspendWorkspace(Guid WorkspaceId) : ICommand, IWorkspaceSupportRequest;

internal sealed class UnsuspendWorkspaceHandler(
    IRepository<Workspace> workspaces,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<UnsuspendWorkspace, Unit>
{
    public async Task<Unit> Handle(UnsuspendWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        workspace.Unsuspend();
        auditLog.Record(AuditActions.WorkspaceUnsuspended, workspace.Id, "workspace", workspace.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
