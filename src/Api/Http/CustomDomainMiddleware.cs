using IaGenify.Api.Sites;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Queries.ResolveSiteHost;
using IaGenify.Domain.Common;
using MediatR;

namespace IaGenify.Api.Http;

/// <summary>
/// Routes requests for a customer's verified host name to that website's published pages (<c>/</c> serves what
/// <c>/sites/{slug}/</c> serves), so every feature of the public site path applies to custom domains unchanged.
/// Requests for the platform's own host names pass through untouched; an unknown host name is 404 whatever its path.
/// </summary>
internal sealed class CustomDomainMiddleware(RequestDelegate next, PlatformHosts platformHosts, PublishedSiteCache cache)
{
    public Task InvokeAsync(HttpContext http)
    {
        var host = http.Request.Host.Host.ToLowerInvariant();
        return platformHosts.IsPlatformHost(host) ? next(http) : ServeCustomDomainAsync(http, host);
    }

    private async Task ServeCustomDomainAsync(HttpContext http, string host)
    {
        var mediator = http.RequestServices.GetRequiredService<IMediator>();
        var site = await cache.Hosts.GetOrBuildAsync(host, () => mediator.Send(new ResolveSiteHost(host), http.RequestAborted))
            ?? throw new NotFoundException("Site");
        if (site.RedirectHost is { } redirectHost)
        {
            http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            http.Response.Headers.Location = $"{http.Request.Scheme}://{redirectHost}{http.Request.Path}{http.Request.QueryString}";
            return;
        }
        http.Features.Set(new CustomDomainFeature(host, site.Slug!));
        // Links some pages build from the slug address (/sites/{slug}/...) work on the custom domain too.
        var siteBase = new PathString("/sites/" + site.Slug);
        if (!http.Request.Path.StartsWithSegments(siteBase))
            http.Request.Path = siteBase.Add(http.Request.Path == "/" ? "/" : http.Request.Path);
        await next(http);
    }
}
