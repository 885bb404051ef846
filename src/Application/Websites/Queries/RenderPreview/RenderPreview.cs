using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.RenderPreview;

/// <summary>Renders a page of the draft (what the editor holds now, published or not) for members.</summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record RenderPreview(Guid WorkspaceId, Guid WebsiteId, string? Path) : IQuery<RenderedPage>, IWorkspaceRequest;

internal sealed class RenderPreviewHandler(IRepository<Website> websites) : IRequestHandler<RenderPreview, RenderedPage>
{
    public async Task<RenderedPage> Handle(RenderPreview request, CancellationToken cancellationToken)
    {
        var website = await websites.FirstOrNotFoundAsync(new WebsiteSpec(request.WebsiteId), "Website", cancellationToken);
        var basePath = $"/api/v1/workspaces/{website.WorkspaceId}/websites/{website.Id}/preview";
        var links = new SiteLinks(basePath, assetId => $"/api/v1/workspaces/{website.WorkspaceId}/assets/{assetId}/content");
        return SiteRenderer.Render(SiteModel.From(website), request.Path ?? "/", links);
    }
}
