using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IaGenify.Infrastructure.Redis;

/// <summary>
/// The process's one multiplexer. It connects in the background and reconnects by itself; callers ask
/// <see cref="TryGetDatabase"/> and fall back to per-process state while it answers null, so a Redis outage
/// degrades sharing, never availability.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<ConnectionMultiplexer?> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        _options = options.Value;
        _logger = logger;
        _multiplexer = new Lazy<ConnectionMultiplexer?>(Connect, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool Enabled => _options.Enabled;

    public string KeyPrefix => _options.KeyPrefix;

    /// <summary>The database while connected; null when Redis is not configured or not reachable right now.</summary>
    public IDatabase? TryGetDatabase()
    {
        if (!_options.Enabled)
            return null;
        var multiplexer = _multiplexer.Value;
        return multiplexer is { IsConnected: true } ? multiplexer.GetDatabase() : null;
    }

    /// <summary>Round trip to the server, for readiness; throws when it does not answer.</summary>
    public async Task<TimeSpan> PingAsync()
    {
        var database = TryGetDatabase() ?? throw new InvalidOperationException("Redis is not connected.");
        return await database.PingAsync();
    }

    private ConnectionMultiplexer? Connect()
    {
        var configuration = ConfigurationOptions.Parse(_options.Connection!);
        // Keep retrying in the background instead of failing the process when Redis is down at startup.
        configuration.AbortOnConnectFail = false;
        var timeout = (int)_options.CommandTimeout.TotalMilliseconds;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        var multiplexer = ConnectionMultiplexer.Connect(configuration);
        multiplexer.ConnectionFailed += (_, e) => _logger.LogWarning("Redis connection lost ({FailureType}); using per-process limits", e.FailureType);
        multiplexer.ConnectionRestored += (_, _) => _logger.LogInformation("Redis connection restored; limits are shared again");
        return multiplexer;
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
            _multiplexer.Value?.Dispose();
    }
}
