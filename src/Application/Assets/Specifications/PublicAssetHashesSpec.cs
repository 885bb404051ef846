using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets.Specifications;

public sealed record AssetHash(Guid Id, string Hash);

/// <summary>The content hashes of a published site's images, read for anonymous visitors within the site's workspace.</summary>
public sealed class PublicAssetHashesSpec : Specification<Asset, AssetHash>
{
    public PublicAssetHashesSpec(Guid workspaceId, IReadOnlyCollection<Guid> assetIds)
    {
        Query.IgnoreTenantFilter();
        Query.Where(a => a.WorkspaceId == workspaceId && assetIds.Contains(a.Id) && a.ContentHash != null);
        Query.Select(a => new AssetHash(a.Id, a.ContentHash!));
    }
}
