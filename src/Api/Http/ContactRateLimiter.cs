using System.Threading.RateLimiting;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Mailbox;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Http;

/// <summary>
/// Contact submissions are limited per client address and per site (<c>Mailbox:Contact</c>), on top of the global
/// anonymous limit: one address cannot flood an inbox, and many addresses together cannot flood one site. The
/// counters live in this process like the other limits (see docs/decisions.md for several replicas).
/// </summary>
internal sealed class ContactRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Ip, string Site)> _limiter;

    public ContactRateLimiter(IOptions<MailboxOptions> options)
    {
        var limits = options.Value.Contact;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Ip, string Site), string>(key => RateLimitPartition.GetFixedWindowLimiter("ip:" + key.Ip,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerIpPermitLimit, Window = limits.PerIpWindow, QueueLimit = 0 })),
            PartitionedRateLimiter.Create<(string Ip, string Site), string>(key => RateLimitPartition.GetFixedWindowLimiter("site:" + key.Site,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerSitePermitLimit, Window = limits.PerSiteWindow, QueueLimit = 0 })));
    }

    /// <summary>Takes one permit for the address and the site, or throws 429 with <c>Retry-After</c>.</summary>
    public void Acquire(HttpContext http, string slug)
    {
        using var lease = _limiter.AttemptAcquire((http.Connection.RemoteIpAddress?.ToString() ?? "unknown", slug.ToLowerInvariant()));
        if (lease.IsAcquired)
            return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        throw new TooManyRequestsException(retryAfter, "Too many messages were sent from here or to this site. Try again later.");
    }

    public void Dispose() => _limiter.Dispose();
}
