using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>
/// A published snapshot of a website. The public site renders the live revision only, so edits show up there when
/// the site is published again. <see cref="AssetIds"/> are the images the snapshot may serve publicly.
/// </summary>
public sealed class WebsiteRevision : Entity, ITenantOwned
{
    private WebsiteRevision()
    {
        Snapshot = "{}";
        AssetIds = [];
    }

    internal WebsiteRevision(Guid workspaceId, Guid websiteId, int number, string snapshot, IReadOnlyList<Guid> assetIds,
        Guid? publishedBy, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        WebsiteId = websiteId;
        Number = number;
        Snapshot = snapshot;
        AssetIds = [.. assetIds];
        PublishedBy = publishedBy;
        PublishedAt = now;
        IsLive = true;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid WebsiteId { get; private set; }
    public int Number { get; private set; }

    /// <summary>The site as it was published, serialized by the Application layer.</summary>
    public string Snapshot { get; private set; }

    public List<Guid> AssetIds { get; private set; }
    public bool IsLive { get; private set; }
    public Guid? PublishedBy { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    internal void Retire() => IsLive = false;
}
