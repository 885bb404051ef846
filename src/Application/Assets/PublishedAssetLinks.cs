using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Persistence;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets;

/// <summary>
/// The public URLs of a published site's images. An image whose content hash is known is linked at
/// <c>{base}/assets/{id}/{hash}</c>, which is served as immutable for a year: the URL names the bytes, so no visitor can
/// keep a stale copy. Images stored before hashes were kept stay at the plain <c>{base}/assets/{id}</c>.
/// </summary>
public sealed class PublishedAssetLinks(IRepository<Asset> assets)
{
    public async Task<Func<Guid, string>> ForAsync(Guid workspaceId, IReadOnlyCollection<Guid> assetIds, string basePath,
        CancellationToken cancellationToken)
    {
        var hashes = assetIds.Count == 0
            ? []
            : (await assets.ListAsync(new PublicAssetHashesSpec(workspaceId, assetIds), cancellationToken)).ToDictionary(a => a.Id, a => a.Hash);
        return assetId => hashes.TryGetValue(assetId, out var hash) ? $"{basePath}/assets/{assetId}/{hash}" : $"{basePath}/assets/{assetId}";
    }
}
