using System.Threading.RateLimiting;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Mailbox;
using IaGenify.Infrastructure.Redis;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Http;

/// <summary>
/// Contact submissions are limited per client address and per site (<c>Mailbox:Contact</c>), on top of the global
/// anonymous limit: one address cannot flood an inbox, and many addresses together cannot flood one site. With
/// <c>Redis:Connection</c> the windows are counted in Redis and shared by every replica; while Redis cannot answer
/// (or without it) this process's windows decide, like the other limits.
/// </summary>
internal sealed class ContactRateLimiter : IDisposable
{
    private readonly ContactLimitOptions _limits;
    private readonly SharedWindowCounter _counter;
    private readonly RedisConnection _redis;
    private readonly PartitionedRateLimiter<(string Ip, string Site)> _local;

    public ContactRateLimiter(IOptions<MailboxOptions> options, SharedWindowCounter counter, RedisConnection redis)
    {
        _limits = options.Value.Contact;
        _counter = counter;
        _redis = redis;
        var limits = _limits;
        _local = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Ip, string Site), string>(key => RateLimitPartition.GetFixedWindowLimiter("ip:" + key.Ip,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerIpPermitLimit, Window = limits.PerIpWindow, QueueLimit = 0 })),
            PartitionedRateLimiter.Create<(string Ip, string Site), string>(key => RateLimitPartition.GetFixedWindowLimiter("site:" + key.Site,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerSitePermitLimit, Window = limits.PerSiteWindow, QueueLimit = 0 })));
    }

    /// <summary>Takes one permit for the address and the site, or throws 429 with <c>Retry-After</c>.</summary>
    public async Task AcquireAsync(HttpContext http, string slug)
    {
        var key = (Ip: http.Connection.RemoteIpAddress?.ToString() ?? "unknown", Site: slug.ToLowerInvariant());
        if (_redis.Enabled && await SharedRetryAfterAsync(key) is { } wait)
        {
            if (wait > TimeSpan.Zero)
                throw Refused(wait);
            return;
        }
        using var lease = _local.AttemptAcquire(key);
        if (lease.IsAcquired)
            return;
        throw Refused(lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Zero when both shared windows admit the submission, the wait when one refuses it, null when Redis cannot
    /// answer (the caller then falls back to this process's windows). The site window is not counted for a
    /// submission its address was refused, so one noisy address does not use up a site's allowance.
    /// </summary>
    private async Task<TimeSpan?> SharedRetryAfterAsync((string Ip, string Site) key)
    {
        // The limit is part of the key, so that a changed limit starts a fresh count.
        var perIp = await _counter.IncrementAsync(
            $"contact:ip:{key.Ip}:{_limits.PerIpPermitLimit}:{(long)_limits.PerIpWindow.TotalMilliseconds}", _limits.PerIpWindow);
        if (perIp is not { } ipWindow)
            return null;
        if (ipWindow.Count > _limits.PerIpPermitLimit)
            return Positive(ipWindow.ResetsIn);
        var perSite = await _counter.IncrementAsync(
            $"contact:site:{key.Site}:{_limits.PerSitePermitLimit}:{(long)_limits.PerSiteWindow.TotalMilliseconds}", _limits.PerSiteWindow);
        if (perSite is not { } siteWindow)
            return null;
        return siteWindow.Count > _limits.PerSitePermitLimit ? Positive(siteWindow.ResetsIn) : TimeSpan.Zero;
    }

    private static TimeSpan Positive(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);

    private static TooManyRequestsException Refused(TimeSpan retryAfter) =>
        new(retryAfter, "Too many messages were sent from here or to this site. Try again later.");

    public void Dispose() => _local.Dispose();
}
