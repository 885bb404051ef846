using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.FindPrimaryDomain;

/// <summary>
/// The verified primary domain of the published site at <c>/sites/{slug}</c>, or null when it has none; a deleted
/// workspace's site has none (it is not served, so its address must answer 404 rather than send visitors away).
/// </summary>
[AllowAnonymous]
public sealed record FindPrimaryDomain(string Slug) : IQuery<string?>;

internal sealed class FindPrimaryDomainHandler(IRepository<Website> websites, IRepository<Workspace> workspaces, IRepository<CustomDomain> domains)
    : IRequestHandler<FindPrimaryDomain, string?>
{
    public async Task<string?> Handle(FindPrimaryDomain request, CancellationToken cancellationToken)
    {
        if (!SitePaths.IsSlug(request.Slug))
            return null;
        var website = await websites.FirstOrDefaultAsync(new PublishedWebsiteBySlugSpec(request.Slug), cancellationToken);
        if (website is null
            || await workspaces.FirstOrDefaultAsync(new WorkspaceByIdSpec(website.WorkspaceId), cancellationToken) is not { IsDeleted: false })
            return null;
        return await domains.FirstOrDefaultAsync(new PrimaryDomainSpec(website.WorkspaceId, website.Id), cancellationToken);
    }
}
