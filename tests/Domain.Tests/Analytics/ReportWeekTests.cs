using IaGenify.Domain.Analytics;

namespace IaGenify.Domain.Tests.Analytics;

public sealed class ReportWeekTests
{
    [Theory]
    [InlineData("2026-12-07T00:00:00Z", "2026-11-30", "2026-12-06")]
    [InlineData("2026-12-09T15:30:00Z", "2026-11-30", "2026-12-06")]
    [InlineData("2026-12-13T23:59:59Z", "2026-11-30", "2026-12-06")]
    [InlineData("2026-12-14T00:00:00Z", "2026-12-07", "2026-12-13")]
    [InlineData("2026-12-13T23:30:00-02:00", "2026-12-07", "2026-12-13")]
    public void The_report_covers_the_last_complete_utc_week_monday_to_sunday(string now, string from, string to)
    {
        var week = ReportWeek.LastComplete(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), week.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), week.To);
        Assert.Equal(DayOfWeek.Monday, week.From.DayOfWeek);
        Assert.Equal(7, week.Days);
    }
}
