using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Queries.ListMyWorkspaces;

/// <summary>The caller's workspaces, newest first; deleted ones (still restorable) only when asked for.</summary>
public sealed record ListMyWorkspaces(int Limit = Cursor.DefaultLimit, string? Cursor = null, bool IncludeDeleted = false)
    : IQuery<CursorPage<WorkspaceDto>>, IUserRequest;

internal sealed class ListMyWorkspacesHandler(RequestContext context, IRepository<Workspace> workspaces)
    : IRequestHandler<ListMyWorkspaces, CursorPage<WorkspaceDto>>
{
    public async Task<CursorPage<WorkspaceDto>> Handle(ListMyWorkspaces request, CancellationToken cancellationToken)
    {
        var rows = await workspaces.ListAsync(new WorkspacesOfUserSpec(context.Principal.RequireUserId(),
            request.IncludeDeleted, Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, w => w.Id);
    }
}
