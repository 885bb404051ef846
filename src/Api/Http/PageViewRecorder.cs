using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;

namespace IaGenify.Api.Http;

/// <summary>
/// Hands one view of a published page to the analytics buffer, which never waits: no cookie, no script. Robots and
/// browsers' speculative loads are not counted; <c>Sec-GPC: 1</c> is counted without a visitor hash. The client IP and
/// User-Agent only travel to the writer to be hashed; nothing here logs them.
/// </summary>
internal sealed class PageViewRecorder(IAnalyticsCollector collector, ILogger<PageViewRecorder> logger)
{
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
        var visitor = optedOut ? null : new VisitorIdentity(http.Connection.RemoteIpAddress?.ToString() ?? "", userAgent);
        collector.RecordPageView(new PageViewHit(slug, sitePath, source, agent, visitor));
    }
}
