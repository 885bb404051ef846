using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Queries.IssuePreviewLink;
using IaGenify.Application.Websites.Rendering;
using MediatR;

namespace IaGenify.Application.Websites.Queries.RenderPreviewLink;

/// <summary>
/// A draft page opened through a signed preview link, for whoever holds the link: the same rendering as the members'
/// preview, with its links and images kept under the link. The token is the credential.
/// </summary>
[AllowAnonymous]
public sealed record RenderPreviewLink(string Token, string? Path) : IQuery<RenderedPage>;

internal sealed class RenderPreviewLinkHandler(PreviewLinkReader reader) : IRequestHandler<RenderPreviewLink, RenderedPage>
{
    public async Task<RenderedPage> Handle(RenderPreviewLink request, CancellationToken cancellationToken)
    {
        var website = await reader.WebsiteAsync(request.Token, cancellationToken);
        var links = new SiteLinks(PreviewLinkPaths.BasePath(request.Token), assetId => PreviewLinkPaths.Asset(request.Token, assetId));
        return SiteRenderer.Render(SiteModel.From(website), request.Path ?? "/", links);
    }
}
