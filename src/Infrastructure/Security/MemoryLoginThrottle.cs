using IaGenify.Application.Identity.Ports;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Security;

/// <summary>
/// Per-process throttle with bounded memory (entries expire with their window): the throttle of one machine, and
/// the fallback of <see cref="RedisLoginThrottle"/> while Redis cannot answer.
/// </summary>
internal sealed class MemoryLoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider clock) : ILoginThrottle, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000, Clock = null });
    private readonly Lock _gate = new();

    public TimeSpan? RetryAfter(string key)
    {
        if (!_cache.TryGetValue<Entry>(key, out var entry) || entry!.LockedUntil is not { } until)
            return null;
        var wait = until - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void RecordFailure(string key)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var entry = _cache.TryGetValue<Entry>(key, out var existing) && existing!.WindowStart + settings.Window > now
                ? existing
                : new Entry(now);
            entry.Failures++;
            if (entry.Failures >= settings.MaxFailures)
            {
                entry.LockedUntil = now + settings.Lockout;
                entry.Failures = 0;
                entry.WindowStart = now;
            }
            var lifetime = settings.Window > settings.Lockout ? settings.Window : settings.Lockout;
            _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        }
    }

    public void Reset(string key) => _cache.Remove(key);

    public void Dispose() => _cache.Dispose();

    private sealed class Entry(DateTimeOffset windowStart)
    {
        public DateTimeOffset WindowStart { get; set; } = windowStart;
        public int Failures { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
    }
}
