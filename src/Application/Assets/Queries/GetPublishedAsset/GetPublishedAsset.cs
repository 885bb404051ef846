using IaGenify.Application.Assets.Ports;
using IaGenify.Application.Assets.Queries.GetAssetContent;
using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Common;
using MediatR;

namespace IaGenify.Application.Assets.Queries.GetPublishedAsset;

/// <summary>
/// An image of a published site, for anyone: only if the site's live revision uses it, and only from the site's own
/// workspace. Anything else (a draft's image, another workspace's asset) does not exist here.
/// </summary>
[AllowAnonymous]
public sealed record GetPublishedAsset(string Slug, Guid AssetId) : IQuery<AssetContent>;

internal sealed class GetPublishedAssetHandler(IPublishedAssets published, IRepository<Asset> assets, IObjectStorage storage)
    : IRequestHandler<GetPublishedAsset, AssetContent>
{
    public async Task<AssetContent> Handle(GetPublishedAsset request, CancellationToken cancellationToken)
    {
        var workspaceId = await published.WorkspaceShowingAsync(request.Slug, request.AssetId, cancellationToken)
            ?? throw new NotFoundException("Asset");
        var asset = await assets.FirstOrNotFoundAsync(new PublicAssetSpec(workspaceId, request.AssetId), "Asset", cancellationToken);
        return await GetAssetContentHandler.OpenAsync(storage, asset, cancellationToken);
    }
}
