using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;

namespace IaGenify.Api.Http;

/// <summary>
/// Hands one view of a published page to the analytics buffer, which never waits: no cookie, no script. Robots and
/// browsers' speculative loads are not counted; <c>Sec-GPC: 1</c> is counted without a visitor hash. The client IP and
/// User-Agent only travel to the writer to be hashed; nothing here logs them.
/// </summary>
internal sealed class PageViewRecorder(IAnalyticsCollector collector, UserAgentClassifications userAgents,
    ILogger<PageViewRecorder> logger)
{
    /// <summary>A visit with no referrer and no query string: most views, and nothing to read or allocate for them.</summary>
    private static readonly TrafficSource Direct = new(null, null, null, null);

    /// <param name="sitePath">The normalised path inside the site (<c>/</c>, <c>/about</c>).</param>
    public void Record(HttpContext http, string slug, string sitePath)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || IsSpeculative(http.Request))
            return;
        try
        {
            Store(http, slug, sitePath);
        }
        catch (Exception ex)
        {
            // The page is already served; analytics must never turn it into an error.
            logger.LogWarning("Recording a page view failed with {ExceptionType}", ex.GetType().Name);
        }
    }

    private static bool IsSpeculative(HttpRequest request) =>
        request.Headers.ContainsKey("Sec-Purpose")
        || string.Equals(request.Headers["Purpose"], "prefetch", StringComparison.OrdinalIgnoreCase);

    private void Store(HttpContext http, string slug, string sitePath)
    {
        var request = http.Request;
        var userAgent = request.Headers.UserAgent.ToString();
        var agent = userAgents.Classify(userAgent);
        if (agent.IsBot)
            return;
        var referrer = request.Headers.Referer.ToString();
        var source = referrer.Length == 0 && !request.QueryString.HasValue ? Direct : SourceOf(request, referrer);
        var optedOut = request.Headers["Sec-GPC"].ToString().Trim() == "1";
        VisitorIdentity? visitor = optedOut ? null : new VisitorIdentity(http.Connection.RemoteIpAddress?.ToString() ?? "", userAgent);
        collector.RecordPageView(new PageViewHit(slug, sitePath, source, agent, visitor));
    }

    private static TrafficSource SourceOf(HttpRequest request, string referrer)
    {
        var query = request.Query;
        return new TrafficSource(
            TrafficSource.ReferrerHostOf(referrer, request.Host.Host),
            TrafficSource.Clean(query["utm_source"].ToString()),
            TrafficSource.Clean(query["utm_medium"].ToString()),
            TrafficSource.Clean(query["utm_campaign"].ToString()));
    }
}
