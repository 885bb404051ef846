using IaGenify.Domain.Analytics;

namespace IaGenify.Application.Analytics.Ports;

/// <summary>
/// Takes analytics events without ever making the caller wait: an event goes to an in-process buffer that a
/// background writer stores in batches. When the buffer is full the event is dropped (and counted) and the call
/// returns false.
/// </summary>
public interface IAnalyticsCollector
{
    bool RecordPageView(PageViewHit hit);

    /// <summary>A conversion (a contact-form submission) on a page of a site.</summary>
    bool RecordConversion(Guid workspaceId, Guid websiteId, string path);
}

/// <summary>
/// A page view as the request saw it. <see cref="Visitor"/> is null when the visitor asked not to be tracked
/// (<c>Sec-GPC: 1</c>); otherwise it only lives in memory until the writer has hashed it with the day's salt.
/// A value, like <see cref="VisitorIdentity"/>: recording a view allocates nothing that outlives the request.
/// </summary>
public readonly record struct PageViewHit(string Slug, string Path, TrafficSource Source, UserAgentInfo Agent, VisitorIdentity? Visitor);

/// <summary>What identifies a visitor for one day: never stored, never logged, only hashed.</summary>
public readonly record struct VisitorIdentity(string ClientIp, string UserAgent)
{
    public override string ToString() => nameof(VisitorIdentity);
}
