namespace IaGenify.Infrastructure.Redis;

/// <summary>Configuration section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379,password=…</c>); none keeps per-process state.</summary>
    public string? Connection { get; set; }

    /// <summary>Prefix of every key this application writes, so that several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "iagenify:";

    /// <summary>
    /// How long one command may take before the caller falls back to per-process state. Short: a limiter that
    /// waits for a dead Redis would slow every request.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool Enabled => !string.IsNullOrWhiteSpace(Connection);
}
