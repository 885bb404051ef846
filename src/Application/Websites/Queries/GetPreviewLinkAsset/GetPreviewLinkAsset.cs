using IaGenify.Application.Assets;
using IaGenify.Application.Assets.Queries.GetAssetContent;
using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Websites.Queries.RenderPreviewLink;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Common;
using MediatR;

namespace IaGenify.Application.Websites.Queries.GetPreviewLinkAsset;

/// <summary>
/// An image of the draft opened through a signed preview link: only one the draft shows, and only from the website's
/// own workspace, so the link reads nothing beyond the pages it previews.
/// </summary>
[AllowAnonymous]
public sealed record GetPreviewLinkAsset(string Token, Guid AssetId) : IQuery<AssetContent>;

internal sealed class GetPreviewLinkAssetHandler(PreviewLinkReader reader, IRepository<Asset> assets, IObjectStorage storage)
    : IRequestHandler<GetPreviewLinkAsset, AssetContent>
{
    public async Task<AssetContent> Handle(GetPreviewLinkAsset request, CancellationToken cancellationToken)
    {
        var website = await reader.WebsiteAsync(request.Token, cancellationToken);
        if (!website.AssetIds().Contains(request.AssetId))
            throw new NotFoundException("Asset");
        var asset = await assets.FirstOrNotFoundAsync(new PublicAssetSpec(website.WorkspaceId, request.AssetId), "Asset", cancellationToken);
        return await GetAssetContentHandler.OpenAsync(storage, asset, cancellationToken);
    }
}
