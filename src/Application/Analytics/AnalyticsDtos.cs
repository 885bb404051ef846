namespace IaGenify.Application.Analytics;

public sealed record SiteSummaryDto(long Visitors, long Pageviews, double ViewsPerVisit, long Conversions, double ConversionRate,
    PeriodComparisonDto Comparison);

/// <summary>The previous period of the same length.</summary>
public sealed record PeriodComparisonDto(long Visitors, long Pageviews);

public sealed record TimeseriesDto(string Interval, IReadOnlyList<TimeseriesPointDto> Points);

public sealed record TimeseriesPointDto(DateTimeOffset T, long Visitors, long Pageviews, long Conversions);

public sealed record BreakdownDto(string Dimension, IReadOnlyList<BreakdownItemDto> Items);

public sealed record BreakdownItemDto(string Value, long Visitors, long Pageviews);

public sealed record LiveVisitorsDto(long Visitors, DateTimeOffset Since);

public sealed record UsageDto(string Interval, IReadOnlyList<UsagePointDto> Points);

/// <summary>One bucket: credits consumed (in total and per operation) and generations per kind and status.</summary>
public sealed record UsagePointDto(DateTimeOffset T, long CreditsConsumed, IReadOnlyList<OperationCreditsDto> Credits,
    IReadOnlyList<GenerationCountDto> Generations);

public sealed record OperationCreditsDto(string Operation, long Credits);

public sealed record GenerationCountDto(string Kind, string Status, long Count, long Credits);

/// <summary>The caller's own choice of analytics report emails in a workspace.</summary>
public sealed record ReportSubscriptionDto(bool Weekly);
