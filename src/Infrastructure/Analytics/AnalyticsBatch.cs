using System.Runtime.InteropServices;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// A batch reduced, in the writer's process, to what PostgreSQL has to store: every raw event, each daily visitor
/// (and page visitor) once with their first view of the batch, and one count per rollup key (site hour, dimension
/// value of a day). The database then probes the visitor sets once per distinct visitor and upserts one row per
/// rollup key instead of aggregating every event itself; what it stores is the same as if it had.
/// <para>
/// The rules are those of <see cref="AnalyticsRollupSql"/>: days and hours are UTC; only page views carry
/// dimensions and visitors; a missing referrer is the empty value, a missing device or browser "other".
/// </para>
/// <para>
/// The writer keeps two batches and <see cref="Clear"/>s them for reuse: a batch of a few thousand events holds
/// arrays larger than the large-object threshold, and allocating them fifty times a second made the runtime run a
/// full (gen2) collection every few seconds under page load.
/// </para>
/// </summary>
internal sealed class AnalyticsBatch
{
    private const string Unknown = "other";

    public List<AnalyticsBatchEvent> Events { get; } = [];
    public Dictionary<VisitorKey, FirstView> Visitors { get; } = [];
    public HashSet<PageVisitorKey> PageVisitors { get; } = [];
    public Dictionary<SiteHour, ViewCounts> Hours { get; } = [];
    public Dictionary<DimensionKey, long> Dimensions { get; } = [];

    /// <summary>The UTC months the events fall in (the partitions they need).</summary>
    public HashSet<DateOnly> Months { get; } = [];

    /// <summary>
    /// Visitor hashes already computed for this batch: a visitor's views within a batch (a second of traffic) share
    /// one SHA-256, which costs more than everything else the writer does for an event.
    /// </summary>
    public Dictionary<(Guid WebsiteId, DateOnly Day, VisitorIdentity Visitor), long> VisitorHashes { get; } = [];

    public void Clear()
    {
        Events.Clear();
        Visitors.Clear();
        PageVisitors.Clear();
        Hours.Clear();
        Dimensions.Clear();
        Months.Clear();
        VisitorHashes.Clear();
    }

    public void Add(Guid workspaceId, Guid websiteId, AnalyticsEvent analyticsEvent, long? visitorHash)
    {
        var e = analyticsEvent;
        Events.Add(new AnalyticsBatchEvent(workspaceId, websiteId, e, visitorHash));
        Months.Add(AnalyticsPartitions.MonthOf(e.At));
        var utcTicks = e.At.UtcTicks;
        var hour = new DateTimeOffset(utcTicks - utcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(Hours, new SiteHour(workspaceId, websiteId, hour), out _);
        if (e.Kind != AnalyticsEventKind.PageView)
        {
            if (e.Kind == AnalyticsEventKind.Conversion)
                counts = counts with { Conversions = counts.Conversions + 1 };
            return;
        }
        counts = counts with { Pageviews = counts.Pageviews + 1 };

        var day = DateOnly.FromDateTime(e.At.UtcDateTime);
        Count(workspaceId, websiteId, AnalyticsDimension.Page, day, e.Path);
        Count(workspaceId, websiteId, AnalyticsDimension.Referrer, day, e.ReferrerHost ?? "");
        Count(workspaceId, websiteId, AnalyticsDimension.Device, day, e.Device);
        Count(workspaceId, websiteId, AnalyticsDimension.Browser, day, e.Browser);
        Count(workspaceId, websiteId, AnalyticsDimension.UtmSource, day, e.UtmSource);
        Count(workspaceId, websiteId, AnalyticsDimension.UtmCampaign, day, e.UtmCampaign);
        Count(workspaceId, websiteId, AnalyticsDimension.UtmMedium, day, e.UtmMedium);

        if (visitorHash is not { } hash)
            return;
        PageVisitors.Add(new PageVisitorKey(workspaceId, websiteId, day, e.Path, hash));
        var visitor = new VisitorKey(workspaceId, websiteId, day, hash);
        // Events arrive in time order from one process, but replicas' clocks and the buffer do not promise it.
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(Visitors, visitor, out var seen);
        if (!seen || e.At < first.At)
        {
            first = new FirstView(e.At, hour, e.ReferrerHost ?? "", e.UtmSource, e.UtmMedium, e.UtmCampaign,
                e.Device ?? Unknown, e.Browser ?? Unknown);
        }
    }

    private void Count(Guid workspaceId, Guid websiteId, AnalyticsDimension dimension, DateOnly day, string? value)
    {
        if (value is null)
            return;
        CollectionsMarshal.GetValueRefOrAddDefault(Dimensions, new DimensionKey(workspaceId, websiteId, (short)dimension, day, value), out _)++;
    }
}

internal readonly record struct AnalyticsBatchEvent(Guid WorkspaceId, Guid WebsiteId, AnalyticsEvent Event, long? VisitorHash);

internal readonly record struct VisitorKey(Guid WorkspaceId, Guid WebsiteId, DateOnly Day, long VisitorHash);

/// <summary>A visitor's first view of the day in this batch: the hour and the sources it is credited to.</summary>
internal readonly record struct FirstView(DateTimeOffset At, DateTimeOffset Hour, string ReferrerHost, string? UtmSource,
    string? UtmMedium, string? UtmCampaign, string Device, string Browser);

internal readonly record struct PageVisitorKey(Guid WorkspaceId, Guid WebsiteId, DateOnly Day, string Path, long VisitorHash);

internal readonly record struct SiteHour(Guid WorkspaceId, Guid WebsiteId, DateTimeOffset Hour);

internal readonly record struct ViewCounts(long Pageviews, long Conversions);

internal readonly record struct DimensionKey(Guid WorkspaceId, Guid WebsiteId, short Dimension, DateOnly Day, string Value);
