using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.ListCustomDomains;

[RequiresPermission(Permission.ContentRead)]
public sealed record ListCustomDomains(Guid WorkspaceId, Guid WebsiteId) : IQuery<CustomDomainListDto>, IWorkspaceRequest;

internal sealed class ListCustomDomainsHandler(CustomDomainAccess access, IRepository<CustomDomain> domains)
    : IRequestHandler<ListCustomDomains, CustomDomainListDto>
{
    public async Task<CustomDomainListDto> Handle(ListCustomDomains request, CancellationToken cancellationToken)
    {
        await access.EnsureWebsiteAsync(request.WebsiteId, cancellationToken);
        var list = await domains.ListAsync(new CustomDomainsOfWebsiteSpec(request.WebsiteId), cancellationToken);
        return new CustomDomainListDto(list.Select(CustomDomainDto.From).ToList());
    }
}
