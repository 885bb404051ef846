using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// An event waiting in the buffer. A page view knows its site by slug (resolved by the writer, off the request path);
/// a conversion knows its ids. <see cref="Visitor"/> is hashed by the writer and then forgotten.
/// <para>
/// A value, not an object: an event stays referenced from the buffer until its batch is reused, a few seconds, so as
/// objects every page view's event (and its visitor) outlived two collections and was promoted to gen2; tens of
/// thousands of them a second made each gen0 collection copy megabytes and pause requests for 15–30 ms. As values
/// they live inside the buffer's and the batch's arrays, which are allocated once.
/// </para>
/// </summary>
public readonly record struct AnalyticsEvent(AnalyticsEventKind Kind, DateTimeOffset At, string? Slug, Guid? WorkspaceId, Guid? WebsiteId,
    string Path, string? ReferrerHost, string? UtmSource, string? UtmMedium, string? UtmCampaign, string? Device, string? Browser,
    VisitorIdentity? Visitor);
