using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Queries.GetWorkspace;

[RequiresPermission(Permission.WorkspaceRead)]
public sealed record GetWorkspace(Guid WorkspaceId) : IQuery<WorkspaceDto>, IWorkspaceRequest;

internal sealed class GetWorkspaceHandler(RequestContext context, IWorkspaceDetails workspaces) : IRequestHandler<GetWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(GetWorkspace request, CancellationToken cancellationToken) =>
        await workspaces.GetAsync(request.WorkspaceId, context.RequireWorkspaceRole(), cancellationToken)
        ?? throw new NotFoundException("Workspace");
}
