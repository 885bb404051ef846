using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assets.Queries.GetAssetContent;

/// <summary>An asset's bytes, for members. The caller disposes the stream.</summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record GetAssetContent(Guid WorkspaceId, Guid AssetId) : IQuery<AssetContent>, IWorkspaceRequest;

internal sealed class GetAssetContentHandler(IRepository<Asset> assets, IObjectStorage storage) : IRequestHandler<GetAssetContent, AssetContent>
{
    public async Task<AssetContent> Handle(GetAssetContent request, CancellationToken cancellationToken)
    {
        var asset = await assets.FirstOrNotFoundAsync(new AssetByIdSpec(request.AssetId), "Asset", cancellationToken);
        return await OpenAsync(storage, asset, cancellationToken);
    }

    internal static async Task<AssetContent> OpenAsync(IObjectStorage storage, Asset asset, CancellationToken cancellationToken)
    {
        var stored = await storage.OpenReadAsync(asset.StorageKey, cancellationToken) ?? throw new NotFoundException("Asset");
        return new AssetContent(stored.Content, asset.ContentType, asset.SizeBytes, asset.ContentHash);
    }
}
