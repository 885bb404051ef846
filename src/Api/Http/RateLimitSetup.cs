using System.Threading.RateLimiting;
using IaGenify.Api.Errors;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Http;

/// <summary>
/// Every request is limited per caller: per API key, per user, or per client IP when it carries no credentials
/// (health and metrics scrapes excepted). Auth endpoints have their own, stricter per-IP limit on top. The counters
/// live in this process; see docs/decisions.md for several replicas.
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
                return FixedWindow(ClientIp(http), limit);
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
            PrincipalKind.ApiKey => FixedWindow($"api_key:{principal.ApiKeyId}", limits.ApiKey),
            PrincipalKind.User => FixedWindow($"user:{principal.UserId}", limits.User),
            _ => FixedWindow(ClientIp(http), limits.Anonymous),
        };
    }

    private static RateLimitPartition<string> FixedWindow(string partition, FixedWindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });

    private static string ClientIp(HttpContext http) => $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static string CallerKind(HttpContext http) =>
        http.RequestServices.GetRequiredService<RequestContext>().Principal.Kind switch
        {
            PrincipalKind.ApiKey => "api_key",
            PrincipalKind.User => "user",
            _ => "anonymous",
        };
}
