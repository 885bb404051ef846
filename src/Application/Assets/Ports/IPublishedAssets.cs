namespace IaGenify.Application.Assets.Ports;

/// <summary>
/// What published sites show of the assets. Assets owns the question; Websites, which shows assets, answers it, so
/// Assets never depends on Websites.
/// </summary>
public interface IPublishedAssets
{
    /// <summary>Whether a live revision of one of the current workspace's websites shows the asset.</summary>
    Task<bool> IsShownAsync(Guid assetId, CancellationToken cancellationToken);

    /// <summary>
    /// The workspace of the published site at <paramref name="slug"/> when its live revision shows the asset, null
    /// when it does not; a slug with no published site is a 404 of the site.
    /// </summary>
    Task<Guid?> WorkspaceShowingAsync(string slug, Guid assetId, CancellationToken cancellationToken);
}
