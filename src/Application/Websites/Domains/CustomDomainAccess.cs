using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;

namespace IaGenify.Application.Websites.Domains;

/// <summary>Loads a website's domain for a command: 404 unless both the website and the domain are the caller's.</summary>
public sealed class CustomDomainAccess(IRepository<Website> websites, IRepository<CustomDomain> domains)
{
    public async Task EnsureWebsiteAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        if (!await websites.AnyAsync(new WebsiteExistsSpec(websiteId), cancellationToken))
            throw new NotFoundException("Website");
    }

    public async Task<CustomDomain> LoadAsync(Guid websiteId, Guid domainId, CancellationToken cancellationToken)
    {
        await EnsureWebsiteAsync(websiteId, cancellationToken);
        return await domains.FirstOrNotFoundAsync(new CustomDomainSpec(websiteId, domainId), "Domain", cancellationToken);
    }
}
