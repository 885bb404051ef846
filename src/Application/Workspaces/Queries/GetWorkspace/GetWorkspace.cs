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
    public async Task<WorkspaceDto> Handle(GetWorkspace request, CancellationToken cancellationToken)
    {
        var role = context.RequireWorkspaceRole();
        // The membership check that authorized this request read the row in the same statement: answering from it
        // saves a round trip, and the check itself still ran for this very request.
        if (context.Workspace is { } row && row.Id == request.WorkspaceId)
            return new WorkspaceDto(row.Id, row.Name, role, row.CreatedAt, row.DeletedAt, row.PurgeAfter, row.RequiresMfa);
        return await workspaces.GetAsync(request.WorkspaceId, role, cancellationToken) ?? throw new NotFoundException("Workspace");
    }
}
