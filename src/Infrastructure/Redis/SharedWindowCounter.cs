using StackExchange.Redis;

namespace IaGenify.Infrastructure.Redis;

/// <summary>What one increment of a shared fixed window saw.</summary>
public readonly record struct WindowCount(long Count, TimeSpan ResetsIn);

/// <summary>
/// Fixed-window counters in Redis shared by every replica. One Lua script takes the window from Redis's own clock
/// (so replicas agree on window boundaries whatever their clocks), increments the window's key and sets its expiry
/// in one atomic step.
/// </summary>
public sealed class SharedWindowCounter(RedisConnection redis)
{
    private static readonly LuaScript Increment = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(@windowMs)
        local slot = math.floor(now / window)
        local key = @key .. ':' .. slot
        local count = redis.call('INCRBY', key, tonumber(@permits))
        if count == tonumber(@permits) then redis.call('PEXPIRE', key, window) end
        return { count, window - (now % window) }
        """);

    /// <summary>Adds the permits to the current window of the key; null when Redis cannot answer now.</summary>
    public async Task<WindowCount?> IncrementAsync(string key, TimeSpan window, int permits = 1)
    {
        if (redis.TryGetDatabase() is not { } database)
            return null;
        try
        {
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(Increment, new
            {
                key = (RedisKey)(redis.KeyPrefix + "rl:" + key),
                windowMs = (long)window.TotalMilliseconds,
                permits,
            }))!;
            return new WindowCount((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }
}
