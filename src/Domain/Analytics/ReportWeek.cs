namespace IaGenify.Domain.Analytics;

/// <summary>
/// The week a weekly report covers: the last complete UTC week, Monday to Sunday. Every replica computes the same
/// week at any instant, so the week's start identifies "this week's report" for exactly-once sending.
/// </summary>
public static class ReportWeek
{
    public static AnalyticsRange LastComplete(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var daysSinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-daysSinceMonday);
        return new AnalyticsRange(thisMonday.AddDays(-7), thisMonday.AddDays(-1));
    }
}
