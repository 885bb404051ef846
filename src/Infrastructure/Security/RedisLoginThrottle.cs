using System.Security.Cryptography;
using System.Text;
using IaGenify.Application.Identity.Ports;
using IaGenify.Infrastructure.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IaGenify.Infrastructure.Security;

/// <summary>
/// The login throttle shared by every replica: failures and lockouts live in Redis (keys hashed, so no email is
/// stored there), so a lockout earned on one replica applies on all. While Redis cannot answer, the per-process
/// throttle takes over: guessing is still slowed, per replica.
/// </summary>
internal sealed class RedisLoginThrottle(RedisConnection redis, MemoryLoginThrottle fallback, IOptions<LoginThrottleOptions> options)
    : ILoginThrottle
{
    private const string RecordScript = """
        local failures = redis.call('INCR', KEYS[1])
        if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        if failures >= tonumber(ARGV[2]) then
          redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
          redis.call('DEL', KEYS[1])
        end
        return failures
        """;

    public TimeSpan? RetryAfter(string key)
    {
        var (database, failures, locked) = Keys(key);
        if (database is null)
            return fallback.RetryAfter(key);
        try
        {
            var ttl = database.KeyTimeToLive(locked);
            return ttl is { } wait && wait > TimeSpan.Zero ? wait : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return fallback.RetryAfter(key);
        }
    }

    public void RecordFailure(string key)
    {
        var (database, failures, locked) = Keys(key);
        if (database is null)
        {
            fallback.RecordFailure(key);
            return;
        }
        var settings = options.Value;
        try
        {
            database.ScriptEvaluate(RecordScript, [failures, locked],
                [(long)settings.Window.TotalMilliseconds, settings.MaxFailures, (long)settings.Lockout.TotalMilliseconds]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            fallback.RecordFailure(key);
        }
    }

    public void Reset(string key)
    {
        fallback.Reset(key);
        var (database, failures, locked) = Keys(key);
        if (database is null)
            return;
        try
        {
            database.KeyDelete([failures, locked]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The failures expire with their window; a missed reset only keeps an old count a little longer.
        }
    }

    private (IDatabase? Database, RedisKey Failures, RedisKey Locked) Keys(string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var root = $"{redis.KeyPrefix}login:{hash}";
        return (redis.TryGetDatabase(), root + ":failures", root + ":locked");
    }
}
