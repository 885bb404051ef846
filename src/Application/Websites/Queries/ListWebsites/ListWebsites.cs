using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.ListWebsites;

[RequiresPermission(Permission.ContentRead)]
[AiTool("websites_list", "List the workspace's websites (newest first) with their status and publish date.", ReadOnly = true)]
public sealed record ListWebsites(Guid WorkspaceId, int Limit, string? Cursor) : IQuery<CursorPage<WebsiteSummaryDto>>, IWorkspaceRequest;

internal sealed class ListWebsitesHandler(IRepository<Website> websites) : IRequestHandler<ListWebsites, CursorPage<WebsiteSummaryDto>>
{
    public async Task<CursorPage<WebsiteSummaryDto>> Handle(ListWebsites request, CancellationToken cancellationToken)
    {
        var rows = await websites.ListAsync(new WebsitesPageSpec(Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, w => w.Id);
    }
}
