using System.Threading.RateLimiting;
using IaGenify.Infrastructure.Redis;

namespace IaGenify.Api.Http;

/// <summary>
/// A fixed window counted in Redis, so every replica draws on one allowance per caller. While Redis cannot answer,
/// the per-process window decides: the API keeps serving with per-replica limits and shares them again once Redis
/// is back. Only the asynchronous path talks to Redis; the synchronous attempt defers to it (the rate-limiting
/// middleware then awaits <see cref="AcquireAsyncCore"/>).
/// </summary>
internal sealed class SharedFixedWindowLimiter(string partition, FixedWindowLimit limit, SharedWindowCounter counter, RedisConnection redis)
    : RateLimiter
{
    private static readonly RateLimitLease Deferred = new RejectedLease(null);
    private readonly FixedWindowRateLimiter _fallback = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
    });
    private long _lastUsedTicks = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => _fallback.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Touch();
        return redis.TryGetDatabase() is null ? _fallback.AttemptAcquire(permitCount) : Deferred;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Touch();
        if (await counter.IncrementAsync(partition, limit.Window, permitCount) is not { } window)
            return await _fallback.AcquireAsync(permitCount, cancellationToken);
        return window.Count <= limit.PermitLimit ? AcceptedLease.Instance : new RejectedLease(window.ResetsIn);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _fallback.Dispose();
        base.Dispose(disposing);
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);

    private sealed class AcceptedLease : RateLimitLease
    {
        public static readonly AcceptedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class RejectedLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
