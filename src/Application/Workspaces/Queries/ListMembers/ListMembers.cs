using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Queries.ListMembers;

[RequiresPermission(Permission.WorkspaceRead)]
[AiTool("members_list", "List the workspace's members and their roles.", ReadOnly = true)]
public sealed record ListMembers(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<MemberDto>>, IWorkspaceRequest;

internal sealed class ListMembersHandler(IRepository<Membership> memberships)
    : IRequestHandler<ListMembers, CursorPage<MemberDto>>
{
    public async Task<CursorPage<MemberDto>> Handle(ListMembers request, CancellationToken cancellationToken)
    {
        var rows = await memberships.ListAsync(
            new MembersPageSpec(request.WorkspaceId, Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, m => m.UserId);
    }
}
