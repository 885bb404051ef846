using IaGenify.Api.Http;
using IaGenify.Domain.Websites;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Sites;

/// <summary>
/// Serves a published page that is already in the page cache before routing, authentication, the principal and the
/// rate limiter run: for an anonymous read of bytes held in memory none of them has anything to decide, and together
/// they cost more CPU than sending the page. Only a page the site endpoints rendered and cached for this very slug and
/// path qualifies, and only when the site does not redirect to a primary domain; anything else (a miss, a redirect, a
/// query carrying NUL, another method) continues down the pipeline unchanged, where the endpoint renders and caches.
/// </summary>
internal sealed class CachedPageMiddleware(RequestDelegate next, PublishedSiteCache cache, PageViewRecorder pageViews,
    IOptionsMonitor<SiteCacheOptions> options)
{
    private static readonly PathString Sites = "/sites";

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(Sites, StringComparison.Ordinal, out var rest)
            || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            || !TryFind(http, rest.Value, out var page))
            return next(http);
        return ServeAsync(http, page);
    }

    private bool TryFind(HttpContext http, string? rest, out CachedPage page)
    {
        page = null!;
        // rest is "/{slug}" or "/{slug}/{path}".
        if (rest is not { Length: > 1 })
            return false;
        var end = rest.IndexOf('/', 1);
        var slug = end < 0 ? rest[1..] : rest[1..end];
        var sitePath = SitePaths.NormalizeRequestPath(end < 0 ? null : rest[(end + 1)..]);
        var onCustomDomain = http.Features.Get<CustomDomainFeature>() is not null;
        // A site with a primary domain answers its /sites address with a redirect: the endpoint decides that.
        if (!onCustomDomain && !(cache.PrimaryDomains.TryGet(slug, out var primary) && primary is null))
            return false;
        return cache.Pages.TryGet((slug, sitePath, onCustomDomain), out page!);
    }

    private async Task ServeAsync(HttpContext http, CachedPage page)
    {
        await new PublishedPageResult(page, options.CurrentValue.CacheControl).ExecuteAsync(http);
        pageViews.Record(http, page.Slug, page.Path);
    }
}
