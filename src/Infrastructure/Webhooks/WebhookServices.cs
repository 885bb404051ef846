using System.Security.Cryptography;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Webhooks.Ports;
using IaGenify.Infrastructure.Events;
using IaGenify.Infrastructure.Http;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

public static class WebhookServices
{
    /// <summary>The outbox publisher, endpoint secret protection, the SSRF guard and the dispatcher.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .PostConfigure<IConfiguration>((o, settings) =>
            {
                // Like the JWT key: outside Production a missing key is random per process (secrets of endpoints
                // registered before a restart can no longer be read); Production, and a process among several
                // replicas, refuses to start without one.
                if (string.IsNullOrWhiteSpace(o.SecretKey) && ProcessLocalSecrets.Allowed(environment, settings))
                    o.SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                o.AllowPrivateTargets ??= environment.IsDevelopment();
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();

        services.AddScoped<IEventPublisher, OutboxEventPublisher>();
        services.AddSingleton<IWebhookSecretProtector, WebhookSecretProtector>();
        services.AddSingleton(provider =>
            new OutboundTargetPolicy(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets == true));
        services.AddSingleton<IWebhookTargetPolicy, WebhookTargetPolicy>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookRetryPolicy>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDeliveryClaims>();
        services.AddSingleton<WebhookDeliveryProcessor>();
        services.AddSingleton<WebhookRetention>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
