namespace IaGenify.Application.Analytics.Reports;

/// <summary>
/// A workspace's week, over all its sites: visitors (the sum of daily visitors), page views, conversions, credits
/// consumed (as the usage endpoint counts them) and the most visited pages.
/// </summary>
public sealed record WeeklyReportFigures(long Visitors, long Pageviews, long Conversions, long CreditsUsed,
    IReadOnlyList<WeeklyReportPage> TopPages);

/// <summary>One page of one site, with its visitors and views over the week.</summary>
public sealed record WeeklyReportPage(string Site, string Path, long Visitors, long Pageviews);

/// <summary>A member due this week's report: where to send it and how to greet them.</summary>
public sealed record WeeklyReportRecipient(Guid WorkspaceId, string WorkspaceName, Guid UserId, string Email, string DisplayName);
