using Ardalis.Specification;
using IaGenify.Application.Assets.Ports;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

internal sealed class WebsitePublishedAssets(PublishedSites sites, IRepository<WebsiteRevision> revisions) : IPublishedAssets
{
    public Task<bool> IsShownAsync(Guid assetId, CancellationToken cancellationToken) =>
        revisions.AnyAsync(new LiveRevisionsShowingAssetSpec(assetId), cancellationToken);

    public async Task<Guid?> WorkspaceShowingAsync(string slug, Guid assetId, CancellationToken cancellationToken)
    {
        var (website, revision) = await sites.FindAsync(slug, cancellationToken);
        return revision.AssetIds.Contains(assetId) ? website.WorkspaceId : null;
    }

    /// <summary>Live revisions (of this workspace's websites) that show the asset publicly.</summary>
    private sealed class LiveRevisionsShowingAssetSpec : Specification<WebsiteRevision>
    {
        public LiveRevisionsShowingAssetSpec(Guid assetId) => Query.Where(r => r.IsLive && r.AssetIds.Contains(assetId));
    }
}
