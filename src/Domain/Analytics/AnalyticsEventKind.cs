namespace IaGenify.Domain.Analytics;

/// <summary>What an analytics event records; the number is what the events table stores.</summary>
public enum AnalyticsEventKind : short
{
    PageView = 1,
    Conversion = 2,
}
