using System.Threading.Channels;
using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.Observability;
using IaGenify.Domain.Analytics;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// The bounded in-process queue between requests and <see cref="AnalyticsWriter"/>. Writing never waits: a full
/// buffer drops the event and counts it, so a slow database can cost analytics data but never page latency.
/// </summary>
public sealed class AnalyticsBuffer : IAnalyticsCollector
{
    private readonly Channel<AnalyticsEvent> _channel;
    private readonly bool _enabled;
    private readonly TimeProvider _clock;
    private readonly IaGenifyMetrics _metrics;
    private long _dropped;

    public AnalyticsBuffer(IOptions<AnalyticsOptions> options, TimeProvider clock, IaGenifyMetrics metrics)
    {
        _enabled = options.Value.Enabled;
        _clock = clock;
        _metrics = metrics;
        _channel = Channel.CreateBounded<AnalyticsEvent>(new BoundedChannelOptions(Math.Max(1, options.Value.BufferCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<AnalyticsEvent> Reader => _channel.Reader;

    /// <summary>Events refused because the buffer was full (or closed at shutdown) since the process started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public bool RecordPageView(PageViewHit hit)
    {
        if (!_enabled)
            return false;
        return Offer(new AnalyticsEvent(AnalyticsEventKind.PageView, _clock.GetUtcNow(), hit.Slug, null, null, hit.Path,
            hit.Source.ReferrerHost, hit.Source.UtmSource, hit.Source.UtmMedium, hit.Source.UtmCampaign,
            AnalyticsNames.Of(hit.Agent.Device), AnalyticsNames.Of(hit.Agent.Browser), hit.Visitor));
    }

    public bool RecordConversion(Guid workspaceId, Guid websiteId, string path)
    {
        if (!_enabled)
            return false;
        return Offer(new AnalyticsEvent(AnalyticsEventKind.Conversion, _clock.GetUtcNow(), null, workspaceId, websiteId, path,
            null, null, null, null, null, null, null));
    }

    /// <summary>No event is accepted after this; the writer stores what is left and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private bool Offer(AnalyticsEvent analyticsEvent)
    {
        // TryWrite on a bounded channel in Wait mode returns false instead of waiting when it is full. Accepted events
        // are counted by the writer as it takes them, a batch at a time, not here on every request.
        if (_channel.Writer.TryWrite(analyticsEvent))
            return true;
        Interlocked.Increment(ref _dropped);
        _metrics.AnalyticsEvents("dropped");
        return false;
    }
}
