using System.Threading.RateLimiting;
using IaGenify.Api.Errors;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using IaGenify.Infrastructure.Redis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Http;

/// <summary>
/// Every request is limited per caller: per API key, per user, or per client IP when it carries no credentials
/// (health and metrics scrapes excepted). Auth endpoints have their own, stricter per-IP limit on top. With
/// <c>Redis:Connection</c> the windows are counted in Redis and shared by every replica (per process while Redis is
/// unreachable); without it they live in this process.
/// </summary>
internal static class RateLimitSetup
{
    public const string AuthPolicy = "auth";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerCaller);
            limiter.AddPolicy(AuthPolicy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Auth;
                return FixedWindow(http, "auth:" + ClientIp(http), limit);
            });
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<IaGenifyMetrics>().RateLimitRejected(CallerKind(http));
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                http.Response.Headers.RetryAfter = seconds.ToString();
                await ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 429,
                    "rate_limited", $"Too many requests. Retry in {seconds} seconds."));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerCaller(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics"))
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var principal = http.RequestServices.GetRequiredService<RequestContext>().Principal;
        return principal.Kind switch
        {
            PrincipalKind.ApiKey => ApiKeyWindow(http, principal, limits.ApiKey),
            PrincipalKind.User => FixedWindow(http, $"user:{principal.UserId}", limits.User),
            _ => FixedWindow(http, ClientIp(http), limits.Anonymous),
        };
    }

    /// <summary>
    /// <c>RateLimits:ApiKey</c> is the ceiling per key; the workspace plan's allowance lowers it (free keys get fewer
    /// requests). The allowance is part of the partition, so a plan change applies at once.
    /// </summary>
    private static RateLimitPartition<string> ApiKeyWindow(HttpContext http, Principal principal, FixedWindowLimit ceiling)
    {
        if (principal.ApiKeyAllowance?.RequestsPerMinute is not { } perMinute
            || perMinute * ceiling.Window.TotalMinutes >= ceiling.PermitLimit)
            return FixedWindow(http, $"api_key:{principal.ApiKeyId}", ceiling);
        return FixedWindow(http, $"api_key:{principal.ApiKeyId}:{perMinute}",
            new FixedWindowLimit { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
    }

    private static RateLimitPartition<string> FixedWindow(HttpContext http, string partition, FixedWindowLimit limit)
    {
        var redis = http.RequestServices.GetRequiredService<RedisConnection>();
        if (!redis.Enabled)
            return RateLimitPartition.GetFixedWindowLimiter(partition,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
        var counter = http.RequestServices.GetRequiredService<SharedWindowCounter>();
        // The limit is part of the Redis key, so that a changed limit starts a fresh count.
        return RateLimitPartition.Get(partition,
            key => new SharedFixedWindowLimiter($"{key}:{limit.PermitLimit}:{(long)limit.Window.TotalMilliseconds}", limit, counter, redis));
    }

    private static string ClientIp(HttpContext http) => $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static string CallerKind(HttpContext http) =>
        http.RequestServices.GetRequiredService<RequestContext>().Principal.Kind switch
        {
            PrincipalKind.ApiKey => "api_key",
            PrincipalKind.User => "user",
            _ => "anonymous",
        };
}
