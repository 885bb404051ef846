using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assets.Queries.ListAssets;

[RequiresPermission(Permission.ContentRead)]
[AiTool("assets_list", "List the workspace's images and files.", ReadOnly = true)]
public sealed record ListAssets(Guid WorkspaceId, int Limit, string? Cursor) : IQuery<CursorPage<AssetDto>>, IWorkspaceRequest;

internal sealed class ListAssetsHandler(IRepository<Asset> assets) : IRequestHandler<ListAssets, CursorPage<AssetDto>>
{
    public async Task<CursorPage<AssetDto>> Handle(ListAssets request, CancellationToken cancellationToken)
    {
        var rows = await assets.ListAsync(new AssetsPageSpec(Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, a => a.Id);
    }
}
