using System.Text.Json;
using IaGenify.Application.Assets;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Domain.Websites;
using MediatR;

namespace IaGenify.Application.Mailbox.Queries.RenderContactThanks;

/// <summary>The thank-you page a contact submission lands on, in the site's own look, with a way back to the site.</summary>
[AllowAnonymous]
public sealed record RenderContactThanks(string Slug) : IQuery<RenderedPage>;

internal sealed class RenderContactThanksHandler(PublishedSites sites, PublishedAssetLinks assetLinks) : IRequestHandler<RenderContactThanks, RenderedPage>
{
    public const string Path = "/contact/thanks";

    public async Task<RenderedPage> Handle(RenderContactThanks request, CancellationToken cancellationToken)
    {
        var (website, revision) = await sites.FindAsync(request.Slug, cancellationToken);
        var site = SiteModel.Deserialize(revision.Snapshot);
        var props = JsonSerializer.SerializeToElement(new
        {
            heading = "Thank you!",
            body = $"Your message has been sent to {site.Name}. We will get back to you by email soon.",
            buttonLabel = $"Back to {site.Name}",
            buttonHref = "/",
        });
        // A page of its own: the navigation of the site is left out, the brand still links home.
        var thanks = site with { Pages = [new SitePage(Path, "Thank you", null, [new SiteSection(Guid.Empty, SectionType.Cta, props)])] };
        var basePath = $"/sites/{request.Slug}";
        var assetUrl = await assetLinks.ForAsync(website.WorkspaceId, revision.AssetIds, basePath, cancellationToken);
        var rendered = SiteRenderer.Render(thanks, Path, new SiteLinks(basePath, assetUrl));
        return rendered with { FrameAncestors = website.AllowedFrameAncestors };
    }
}
