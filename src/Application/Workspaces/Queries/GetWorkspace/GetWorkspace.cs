using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Queries.GetWorkspace;

[RequiresPermission(Permission.WorkspaceRead)]
public sealed record GetWorkspace(Guid WorkspaceId) : IQuery<WorkspaceDto>, IWorkspaceRequest;

internal sealed class GetWorkspaceHandler(RequestContext context, IRepository<Workspace> workspaces)
    : IRequestHandler<GetWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(GetWorkspace request, CancellationToken cancellationToken) =>
        await workspaces.FirstOrNotFoundAsync(new Spec(request.WorkspaceId, context.RequireWorkspaceRole()), "Workspace", cancellationToken);

    private sealed class Spec : Specification<Workspace, WorkspaceDto>
    {
        public Spec(Guid workspaceId, Role role)
        {
            Query.Where(w => w.Id == workspaceId);
            Query.Select(w => new WorkspaceDto(w.Id, w.Name, role, w.CreatedAt, w.DeletedAt, w.PurgeAfter, w.RequireMfa));
        }
    }
}
