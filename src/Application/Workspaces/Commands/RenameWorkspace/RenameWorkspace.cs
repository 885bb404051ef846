using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.RenameWorkspace;

[RequiresPermission(Permission.WorkspaceUpdate)]
public sealed record RenameWorkspace(Guid WorkspaceId, string Name) : ICommand<WorkspaceDto>, IWorkspaceRequest;

internal sealed class RenameWorkspaceHandler(RequestContext context, IRepository<Workspace> workspaces, IUnitOfWork unitOfWork)
    : IRequestHandler<RenameWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(RenameWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        workspace.Rename(request.Name);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(context.RequireWorkspaceRole());
    }
}
