using IaGenify.Domain.Analytics;

namespace IaGenify.Application.Analytics.Ports;

/// <summary>Reads the rollups (never the raw events, except the last minutes for live visitors) and the usage tables.</summary>
public interface IAnalyticsReader
{
    /// <summary>Whether the website exists in the workspace (analytics only ever reads its own tenant's sites).</summary>
    Task<bool> SiteExistsAsync(Guid workspaceId, Guid websiteId, CancellationToken cancellationToken);

    /// <summary>The range's totals and those of the period of the same length just before, in one read.</summary>
    Task<(SiteTotals Current, SiteTotals Previous)> TotalsAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        CancellationToken cancellationToken);

    /// <summary>Every bucket of the range in order, empty ones as zeros; day buckets start at midnight in <paramref name="timeZone"/>.</summary>
    Task<IReadOnlyList<TimeseriesPointDto>> TimeseriesAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        AnalyticsInterval interval, TimeZoneInfo timeZone, CancellationToken cancellationToken);

    Task<IReadOnlyList<BreakdownItemDto>> BreakdownAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        AnalyticsDimension dimension, int limit, CancellationToken cancellationToken);

    Task<long> VisitorsSinceAsync(Guid workspaceId, Guid websiteId, DateTimeOffset since, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsagePointDto>> UsageAsync(Guid workspaceId, AnalyticsRange range, AnalyticsInterval interval,
        CancellationToken cancellationToken);
}

public sealed record SiteTotals(long Visitors, long Pageviews, long Conversions);
