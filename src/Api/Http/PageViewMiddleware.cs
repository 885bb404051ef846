using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using IaGenify.Domain.Websites;

namespace IaGenify.Api.Http;

/// <summary>
/// Records a page view for every successful HTML page of a published site (<c>/sites/{slug}/...</c>), on the server:
/// no cookie, no script. It runs after the page is produced and only hands the event to the analytics buffer, which
/// never waits. Robots are not counted; <c>Sec-GPC: 1</c> is counted without a visitor hash. The client IP and
/// User-Agent only travel to the writer to be hashed; nothing here logs them.
/// </summary>
internal sealed class PageViewMiddleware(RequestDelegate next, IAnalyticsCollector collector, ILogger<PageViewMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (!IsPageView(http))
            return;
        try
        {
            Record(http);
        }
        catch (Exception ex)
        {
            // The page is already served; analytics must never turn it into an error.
            logger.LogWarning("Recording a page view failed with {ExceptionType}", ex.GetType().Name);
        }
    }

    private static bool IsPageView(HttpContext http) =>
        (IsHtml(http) || IsRevalidatedPage(http))
        && HttpMethods.IsGet(http.Request.Method)
        && http.Request.Path.StartsWithSegments("/sites", StringComparison.Ordinal)
        // Browsers' speculative loads are not visits.
        && !http.Request.Headers.TryGetValue("Sec-Purpose", out _)
        && !string.Equals(http.Request.Headers["Purpose"], "prefetch", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status200OK
        && http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A browser showing its cached copy of a page after a 304 is a view like any other.</summary>
    private static bool IsRevalidatedPage(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status304NotModified
        && http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is "GetPublishedHome" or "GetPublishedPage";

    private void Record(HttpContext http)
    {
        if (http.GetRouteValue("slug") is not string slug)
            return;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var agent = UserAgentClassifier.Classify(userAgent);
        if (agent.IsBot)
            return;
        var query = http.Request.Query;
        var source = new TrafficSource(
            TrafficSource.ReferrerHostOf(http.Request.Headers.Referer.ToString(), http.Request.Host.Host),
            TrafficSource.Clean(query["utm_source"].ToString()),
            TrafficSource.Clean(query["utm_medium"].ToString()),
            TrafficSource.Clean(query["utm_campaign"].ToString()));
        var optedOut = http.Request.Headers["Sec-GPC"].ToString().Trim() == "1";
        var visitor = optedOut
            ? null
            : new VisitorIdentity(http.Connection.RemoteIpAddress?.ToString() ?? "", userAgent);
        // The path inside the site, whatever endpoint served it (pages, the contact thank-you page).
        var prefix = "/sites/".Length + slug.Length;
        var full = http.Request.Path.Value ?? "";
        var path = SitePaths.NormalizeRequestPath(full.Length >= prefix ? full[prefix..] : null);
        collector.RecordPageView(new PageViewHit(slug, path, source, agent, visitor));
    }
}
