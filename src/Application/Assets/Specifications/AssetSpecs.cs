using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets.Specifications;

public sealed class AssetByIdSpec : Specification<Asset>
{
    public AssetByIdSpec(Guid assetId, bool tracking = false)
    {
        Query.Where(a => a.Id == assetId);
        if (!tracking)
            Query.AsNoTracking();
    }
}

public sealed class AssetsByIdsSpec : Specification<Asset>
{
    public AssetsByIdsSpec(IReadOnlyCollection<Guid> assetIds)
    {
        Query.Where(a => assetIds.Contains(a.Id));
        Query.AsNoTracking();
    }
}

public sealed class AssetsPageSpec : Specification<Asset, AssetDto>
{
    public AssetsPageSpec(Guid? before, int take)
    {
        if (before is { } cursor)
            Query.Where(a => a.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(a => a.Id);
        Query.Take(take);
        Query.Select(a => new AssetDto(a.Id, a.Source, a.ContentType, a.SizeBytes, a.FileName, a.GenerationId, a.CreatedAt));
    }
}

/// <summary>An asset of a published site, for anonymous visitors: scoped by the site's workspace, found by id.</summary>
public sealed class PublicAssetSpec : Specification<Asset>
{
    public PublicAssetSpec(Guid workspaceId, Guid assetId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(a => a.WorkspaceId == workspaceId && a.Id == assetId);
        Query.AsNoTracking();
    }
}
