using IaGenify.Api.Http;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Application.Websites.Rendering;
using MediatR;

namespace IaGenify.Api.Endpoints;

/// <summary>Published sites, for anyone: <c>/sites/{slug}/{*path}</c> renders the live revision only.</summary>
internal static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/sites/{slug}").WithTags("Published sites").AllowAnonymous();

        sites.MapGet("", RenderPublishedHomeAsync)
            .WithName("RenderPublishedHome").WithSummary("A published site's home page as HTML.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(404, 429);
        sites.MapGet("/{*path}", RenderPublishedPageAsync)
            .WithName("RenderPublishedPage").WithSummary("A page of a published site as HTML.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(404, 429);
        return app;
    }

    private static Task<IResult> RenderPublishedHomeAsync(string slug, IMediator mediator, HttpContext http, CancellationToken ct) =>
        PageAsync(slug, "/", mediator, http, ct);

    private static Task<IResult> RenderPublishedPageAsync(string slug, string? path, IMediator mediator, HttpContext http, CancellationToken ct) =>
        PageAsync(slug, path, mediator, http, ct);

    private static async Task<IResult> PageAsync(string slug, string? path, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var page = await mediator.Send(new RenderPublishedPage(slug, path), ct);
        http.Response.Headers.CacheControl = "public, max-age=60";
        return Html(http, page);
    }

    /// <summary>A rendered page with the headers that keep it inert: its own CSP, no MIME sniffing, no referrer.</summary>
    public static IResult Html(HttpContext http, RenderedPage page)
    {
        http.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.Html, "text/html; charset=utf-8");
    }
}
