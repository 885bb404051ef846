using IaGenify.Domain.Analytics;

namespace IaGenify.Application.Analytics;

/// <summary>The names clients use for dimensions and intervals, as in the routes' query strings.</summary>
public static class AnalyticsNames
{
    public static readonly IReadOnlyDictionary<string, AnalyticsDimension> Dimensions =
        new Dictionary<string, AnalyticsDimension>(StringComparer.Ordinal)
        {
            ["page"] = AnalyticsDimension.Page,
            ["referrer"] = AnalyticsDimension.Referrer,
            ["device"] = AnalyticsDimension.Device,
            ["browser"] = AnalyticsDimension.Browser,
            ["utmSource"] = AnalyticsDimension.UtmSource,
            ["utmMedium"] = AnalyticsDimension.UtmMedium,
            ["utmCampaign"] = AnalyticsDimension.UtmCampaign,
        };

    public static readonly IReadOnlyDictionary<string, AnalyticsInterval> Intervals =
        new Dictionary<string, AnalyticsInterval>(StringComparer.Ordinal)
        {
            ["hour"] = AnalyticsInterval.Hour,
            ["day"] = AnalyticsInterval.Day,
        };

    // Computed once: Of runs for every page view, on the request.
    private static readonly Dictionary<DeviceClass, string> DeviceNames =
        Enum.GetValues<DeviceClass>().ToDictionary(d => d, d => d.ToString().ToLowerInvariant());

    private static readonly Dictionary<BrowserFamily, string> BrowserNames =
        Enum.GetValues<BrowserFamily>().ToDictionary(b => b, b => b.ToString().ToLowerInvariant());

    /// <summary>Device classes and browser families as stored and shown: lower-case names (samsunginternet).</summary>
    public static string Of(DeviceClass device) => DeviceNames.TryGetValue(device, out var name) ? name : device.ToString().ToLowerInvariant();

    public static string Of(BrowserFamily browser) => BrowserNames.TryGetValue(browser, out var name) ? name : browser.ToString().ToLowerInvariant();

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo timeZone)
    {
        timeZone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(id))
            return true;
        if (id.Length > 64)
            return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out timeZone!);
    }
}
