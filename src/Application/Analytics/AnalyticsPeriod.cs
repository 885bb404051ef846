using IaGenify.Domain.Analytics;

namespace IaGenify.Application.Analytics;

/// <summary>
/// The days a dashboard query covers: <c>to</c> defaults to today (UTC) and <c>from</c> to 29 days before <c>to</c>,
/// so that no parameter means the last 30 days.
/// </summary>
public static class AnalyticsPeriod
{
    public const int DefaultDays = 30;

    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (from ?? end.AddDays(-(DefaultDays - 1)), end);
    }

    public static AnalyticsRange Range(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var (start, end) = Resolve(from, to, clock);
        return new AnalyticsRange(start, end);
    }
}
