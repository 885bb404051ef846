using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Infrastructure.ApiKeys;
using IaGenify.Infrastructure.Idempotency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.AccessControl;

public static class AccessControlServices
{
    /// <summary>API key authentication and the idempotency replay store with its sweeper.</summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IApiKeyCredentialStore, ApiKeyCredentialStore>();

        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<IIdempotencyStore>(provider => provider.GetRequiredService<IdempotencyStore>());
        services.AddSingleton<IdempotencySweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencySweeper>());
        return services;
    }
}
