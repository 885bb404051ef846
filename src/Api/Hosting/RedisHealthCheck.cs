using IaGenify.Infrastructure.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IaGenify.Api.Hosting;

/// <summary>
/// Redis down is degraded, not an outage: limits and the login throttle fall back to per-process state, so the
/// replica stays in the balancer (200) and says why.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.Enabled)
            return HealthCheckResult.Healthy("not configured: limits are per process");
        try
        {
            await redis.PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("redis unreachable: rate limits and the login throttle are per process until it is back");
        }
    }
}
