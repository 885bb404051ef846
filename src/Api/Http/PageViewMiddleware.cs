using IaGenify.Domain.Websites;

namespace IaGenify.Api.Http;

/// <summary>
/// Records a page view for every successful HTML page of a published site (<c>/sites/{slug}/...</c>) that the
/// endpoints produce, on the server, after the page is produced (<see cref="PageViewRecorder"/>). Pages served from
/// the page cache before routing are recorded where they are served.
/// </summary>
internal sealed class PageViewMiddleware(RequestDelegate next, PageViewRecorder recorder)
{
    private static readonly PathString Sites = "/sites";

    // Routing has run, so the path is final (custom domains were mapped onto /sites before it): every other request
    // passes straight through, without an async frame of its own.
    public Task InvokeAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Sites, StringComparison.Ordinal) ? RecordAfterAsync(http) : next(http);

    private async Task RecordAfterAsync(HttpContext http)
    {
        await next(http);
        if (!(IsHtml(http) || IsRevalidatedPage(http)) || http.GetRouteValue("slug") is not string slug)
            return;
        // The path inside the site, whatever endpoint served it (pages, the contact thank-you page).
        var prefix = "/sites/".Length + slug.Length;
        var full = http.Request.Path.Value ?? "";
        recorder.Record(http, slug, SitePaths.NormalizeRequestPath(full.Length >= prefix ? full[prefix..] : null));
    }

    private static bool IsHtml(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status200OK
        && http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A browser showing its cached copy of a page after a 304 is a view like any other.</summary>
    private static bool IsRevalidatedPage(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status304NotModified
        && http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is "GetPublishedHome" or "GetPublishedPage";
}
