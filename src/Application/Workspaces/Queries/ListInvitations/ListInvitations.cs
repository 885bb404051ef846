using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Queries.ListInvitations;

[RequiresPermission(Permission.MembersManage)]
public sealed record ListInvitations(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<InvitationDto>>, IWorkspaceRequest;

internal sealed class ListInvitationsHandler(IRepository<Invitation> invitations, TimeProvider clock)
    : IRequestHandler<ListInvitations, CursorPage<InvitationDto>>
{
    public async Task<CursorPage<InvitationDto>> Handle(ListInvitations request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await invitations.ListAsync(
            new InvitationsPageSpec(request.WorkspaceId, Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        // Status depends on the clock, so it is computed here rather than in SQL.
        return Cursor.Page(rows.Select(i => i.ToDto(now)).ToList(), request.Limit, i => i.Id);
    }
}
