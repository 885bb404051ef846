using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// An event waiting in the buffer. A page view knows its site by slug (resolved by the writer, off the request path);
/// a conversion knows its ids. <see cref="Visitor"/> is hashed by the writer and then forgotten.
/// </summary>
public sealed record AnalyticsEvent(AnalyticsEventKind Kind, DateTimeOffset At, string? Slug, Guid? WorkspaceId, Guid? WebsiteId,
    string Path, string? ReferrerHost, string? UtmSource, string? UtmMedium, string? UtmCampaign, string? Device, string? Browser,
    VisitorIdentity? Visitor);
