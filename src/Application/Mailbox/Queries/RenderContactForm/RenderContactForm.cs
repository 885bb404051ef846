using IaGenify.Application.Assets;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Domain.Websites;
using MediatR;

namespace IaGenify.Application.Mailbox.Queries.RenderContactForm;

/// <summary>
/// The page a refused contact submission came from, drawn again with the visitor's values and the errors beside
/// the fields. A page path that the site does not have falls back to the first page holding a contact section.
/// </summary>
[AllowAnonymous]
public sealed record RenderContactForm(string Slug, string? PagePath, ContactFormState State) : IQuery<RenderedPage>;

internal sealed class RenderContactFormHandler(PublishedSites sites, PublishedAssetLinks assetLinks) : IRequestHandler<RenderContactForm, RenderedPage>
{
    public async Task<RenderedPage> Handle(RenderContactForm request, CancellationToken cancellationToken)
    {
        var (website, revision) = await sites.FindAsync(request.Slug, cancellationToken);
        var site = SiteModel.Deserialize(revision.Snapshot);
        var path = SitePaths.NormalizeRequestPath(request.PagePath ?? "/");
        var page = site.Pages.FirstOrDefault(p => p.Path == path && p.Sections.Any(s => s.Type == SectionType.Contact))
            ?? site.Pages.FirstOrDefault(p => p.Sections.Any(s => s.Type == SectionType.Contact))
            ?? site.Pages[0];
        var basePath = $"/sites/{request.Slug}";
        var assetUrl = await assetLinks.ForAsync(website.WorkspaceId, revision.AssetIds, basePath, cancellationToken);
        var rendered = SiteRenderer.Render(site, page.Path, new SiteLinks(basePath, assetUrl)
        {
            ContactAction = $"{basePath}/contact",
            ContactForm = request.State,
        });
        return rendered with { FrameAncestors = website.AllowedFrameAncestors };
    }
}
