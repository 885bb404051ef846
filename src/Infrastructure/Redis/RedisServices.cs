using IaGenify.Application.Identity.Ports;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Redis;

public static class RedisServices
{
    /// <summary>
    /// The Redis connection and what it shares between replicas (rate-limit windows, the login throttle). Without
    /// <c>Redis:Connection</c> everything stays per process, as on one machine.
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<SharedWindowCounter>();
        services.Configure<LoginThrottleOptions>(configuration.GetSection(LoginThrottleOptions.Section));
        services.AddSingleton<MemoryLoginThrottle>();
        services.AddSingleton<RedisLoginThrottle>();
        services.AddSingleton<ILoginThrottle>(provider => provider.GetRequiredService<IOptions<RedisOptions>>().Value.Enabled
            ? provider.GetRequiredService<RedisLoginThrottle>()
            : provider.GetRequiredService<MemoryLoginThrottle>());
        return services;
    }
}
