using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;
using MediatR;

namespace IaGenify.Application.Websites.Queries.ResolveSiteHost;

/// <summary>
/// The website a customer's host name serves, or null. Only verified domains answer, so a host name never reaches
/// another tenant's site.
/// </summary>
[AllowAnonymous]
public sealed record ResolveSiteHost(string Host) : IQuery<SiteHost?>;

internal sealed class ResolveSiteHostHandler(IRepository<CustomDomain> domains, IRepository<Website> websites)
    : IRequestHandler<ResolveSiteHost, SiteHost?>
{
    public async Task<SiteHost?> Handle(ResolveSiteHost request, CancellationToken cancellationToken)
    {
        if (HostNames.Normalize(request.Host) is not { } hostname)
            return null;
        var counterpart = HostNames.Counterpart(hostname);
        var candidates = counterpart is null ? [hostname] : new[] { hostname, counterpart };
        var verified = await domains.ListAsync(new VerifiedDomainsByHostSpec(candidates), cancellationToken);
        if (verified.FirstOrDefault(d => d.Hostname == hostname) is { } exact)
        {
            var slug = await websites.FirstOrDefaultAsync(new WebsiteSlugSpec(exact.WorkspaceId, exact.WebsiteId), cancellationToken);
            return slug is null ? null : new SiteHost(slug, null);
        }
        return verified.Count > 0 ? new SiteHost(null, verified[0].Hostname) : null;
    }
}
