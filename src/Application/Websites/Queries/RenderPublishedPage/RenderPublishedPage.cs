using IaGenify.Application.Assets;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.RenderPublishedPage;

/// <summary>
/// A page of a published site, for anyone. Only the live revision is rendered; a site never published, or whose
/// workspace is deleted, does not exist (404). On a customer's own domain the site sits at the root, so its links do
/// too (<paramref name="OnCustomDomain"/>).
/// </summary>
[AllowAnonymous]
public sealed record RenderPublishedPage(string Slug, string? Path, bool OnCustomDomain = false) : IQuery<RenderedPage>;

internal sealed class RenderPublishedPageHandler(PublishedSites sites, PublishedAssetLinks assetLinks) : IRequestHandler<RenderPublishedPage, RenderedPage>
{
    public async Task<RenderedPage> Handle(RenderPublishedPage request, CancellationToken cancellationToken)
    {
        var (website, revision) = await sites.FindAsync(request.Slug, cancellationToken);
        var basePath = request.OnCustomDomain ? "" : $"/sites/{request.Slug}";
        var assetUrl = await assetLinks.ForAsync(website.WorkspaceId, revision.AssetIds, basePath, cancellationToken);
        var rendered = SiteRenderer.Render(SiteModel.Deserialize(revision.Snapshot), request.Path ?? "/",
            new SiteLinks(basePath, assetUrl) { ContactAction = $"{basePath}/contact" });
        return rendered with { FrameAncestors = website.AllowedFrameAncestors };
    }
}

/// <summary>Finds the live revision behind a public address, for anonymous requests.</summary>
public sealed class PublishedSites(IRepository<Website> websites, IRepository<WebsiteRevision> revisions, IRepository<Workspace> workspaces)
{
    public async Task<(Website Website, WebsiteRevision Revision)> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!SitePaths.IsSlug(slug))
            throw new NotFoundException("Site");
        var website = await websites.FirstOrNotFoundAsync(new PublishedWebsiteBySlugSpec(slug), "Site", cancellationToken);
        var workspace = await workspaces.FirstOrDefaultAsync(new WorkspaceByIdSpec(website.WorkspaceId), cancellationToken);
        if (workspace is null || workspace.IsDeleted)
            throw new NotFoundException("Site");
        var revision = await revisions.FirstOrNotFoundAsync(new LiveRevisionSpec(website.WorkspaceId, website.Id), "Site", cancellationToken);
        return (website, revision);
    }
}
