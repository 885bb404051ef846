using IaGenify.Api.Http;
using IaGenify.Api.Sites;
using IaGenify.Application.Websites.Queries.FindPrimaryDomain;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Domain.Websites;
using MediatR;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Endpoints;

/// <summary>
/// Published sites, for anyone: <c>/sites/{slug}/{*path}</c> (or a verified custom domain) serves the live revision
/// only, from memory after the first request until something published changes.
/// </summary>
internal static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/sites/{slug}").WithTags("Published sites").AllowAnonymous();
        sites.MapGet("", HomeAsync).WithName("GetPublishedHome").WithSummary("The home page of a published site.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblems(404, 429);
        sites.MapGet("/{*path}", PageAsync).WithName("GetPublishedPage").WithSummary("A page of a published site.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblems(404, 429);
        // HEAD answers as GET does (PublishedPageResult sends no body) whether the page is cached yet or not, so uptime
        // monitors see the same status either way; the API description lists GET only.
        sites.MapMethods("", [HttpMethods.Head], HomeAsync).ExcludeFromDescription();
        sites.Map(RoutePatternFactory.Parse("/{*path}", null, new RouteValueDictionary { ["path"] = new SitePageRouteConstraint() }), PageAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Head])).ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> HomeAsync(string slug, IMediator mediator, HttpContext http, PublishedSiteCache cache,
        IOptionsMonitor<SiteCacheOptions> options, CancellationToken ct) =>
        PageAsync(slug, "/", mediator, http, cache, options, ct);

    private static async Task<IResult> PageAsync(string slug, string? path, IMediator mediator, HttpContext http, PublishedSiteCache cache,
        IOptionsMonitor<SiteCacheOptions> options, CancellationToken ct)
    {
        var onCustomDomain = http.Features.Get<CustomDomainFeature>() is not null;
        var normalizedPath = SitePaths.NormalizeRequestPath(path);
        if (!onCustomDomain
            && await cache.PrimaryDomains.GetOrBuildAsync(slug, () => mediator.Send(new FindPrimaryDomain(slug), ct)) is { } primary)
        {
            var target = $"{http.Request.Scheme}://{primary}{(normalizedPath == "/" ? "/" : normalizedPath)}{http.Request.QueryString}";
            return Results.Redirect(target, permanent: true);
        }
        var page = await cache.Pages.GetOrBuildAsync((slug, normalizedPath, onCustomDomain),
            async () => CachedPage.From(await mediator.Send(new RenderPublishedPage(slug, path, onCustomDomain), ct),
                slug, normalizedPath));
        return new PublishedPageResult(page, options.CurrentValue.CacheControl);
    }

    /// <summary>
    /// A rendered page with the headers that keep it inert: its own CSP (with who may frame it), no MIME sniffing, no
    /// referrer.
    /// </summary>
    public static IResult Html(HttpContext http, RenderedPage page, SiteFraming framing)
    {
        framing.Apply(http.Response.Headers, page.ContentSecurityPolicy);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.Html, "text/html; charset=utf-8");
    }
}
