using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Publishing;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Sites;

/// <summary>
/// What the public site path keeps in memory between publishes: rendered pages, which host name serves which site,
/// and which sites redirect to their primary domain. A cache hit touches neither the renderer nor the database.
/// </summary>
internal sealed class PublishedSiteCache(SiteContentVersion version, IOptionsMonitor<SiteCacheOptions> options)
{
    public VersionedCache<(string Slug, string Path, bool OnCustomDomain), CachedPage> Pages { get; } = new(version, options);
    public VersionedCache<string, SiteHost?> Hosts { get; } = new(version, options);
    public VersionedCache<string, string?> PrimaryDomains { get; } = new(version, options);
}
