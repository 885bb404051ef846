using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;

namespace IaGenify.Application.Websites.Specifications;

public sealed class CustomDomainSpec : Specification<CustomDomain>
{
    public CustomDomainSpec(Guid websiteId, Guid domainId)
    {
        Query.Where(d => d.WebsiteId == websiteId && d.Id == domainId);
    }
}

public sealed class CustomDomainsOfWebsiteSpec : Specification<CustomDomain>
{
    public CustomDomainsOfWebsiteSpec(Guid websiteId, bool tracking = false)
    {
        Query.Where(d => d.WebsiteId == websiteId);
        Query.OrderBy(d => d.Hostname);
        if (!tracking)
            Query.AsNoTracking();
    }
}

/// <summary>A host name belongs to one website on the whole platform, so the check looks past the tenant filter.</summary>
public sealed class HostnameTakenSpec : Specification<CustomDomain>
{
    public HostnameTakenSpec(string hostname)
    {
        Query.IgnoreTenantFilter();
        Query.Where(d => d.Hostname == hostname);
    }
}

/// <summary>The verified domains among host names, any workspace's: anonymous requests are scoped by the host name.</summary>
public sealed class VerifiedDomainsByHostSpec : Specification<CustomDomain>
{
    public VerifiedDomainsByHostSpec(IReadOnlyList<string> hostnames)
    {
        Query.IgnoreTenantFilter();
        Query.Where(d => hostnames.Contains(d.Hostname) && d.Status == DomainStatus.Verified);
        Query.AsNoTracking();
    }
}

/// <summary>The host name a website's platform address redirects to, if it has a verified primary domain.</summary>
public sealed class PrimaryDomainSpec : Specification<CustomDomain, string>
{
    public PrimaryDomainSpec(Guid workspaceId, Guid websiteId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(d => d.WorkspaceId == workspaceId && d.WebsiteId == websiteId && d.IsPrimary && d.Status == DomainStatus.Verified);
        Query.Select(d => d.Hostname);
    }
}

public sealed class WebsiteExistsSpec : Specification<Website>
{
    public WebsiteExistsSpec(Guid websiteId)
    {
        Query.Where(w => w.Id == websiteId);
    }
}

/// <summary>A website's slug by id for anonymous host routing; the verified domain that named it is the scope.</summary>
public sealed class WebsiteSlugSpec : Specification<Website, string>
{
    public WebsiteSlugSpec(Guid workspaceId, Guid websiteId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(w => w.WorkspaceId == workspaceId && w.Id == websiteId);
        Query.Select(w => w.Slug);
    }
}
