namespace IaGenify.Domain.Analytics;

public enum AnalyticsInterval
{
    Hour,
    Day,
}
