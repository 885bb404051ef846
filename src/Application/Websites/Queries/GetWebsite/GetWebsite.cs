using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.GetWebsite;

/// <summary>The website being edited, with its pages and sections (each with id, type and props).</summary>
[RequiresPermission(Permission.ContentRead)]
[AiTool("websites_get", "Get one website with its theme, pages and sections (ids, types and props).", ReadOnly = true)]
public sealed record GetWebsite(Guid WorkspaceId, Guid WebsiteId) : IQuery<WebsiteDto>, IWorkspaceRequest;

internal sealed class GetWebsiteHandler(IRepository<Website> websites) : IRequestHandler<GetWebsite, WebsiteDto>
{
    public async Task<WebsiteDto> Handle(GetWebsite request, CancellationToken cancellationToken) =>
        WebsiteDto.From(await websites.FirstOrNotFoundAsync(new WebsiteSpec(request.WebsiteId), "Website", cancellationToken));
}
