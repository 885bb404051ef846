using IaGenify.Application.Websites.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Websites.PreviewLinks;

internal static class PreviewLinkServices
{
    public static IServiceCollection AddPreviewLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PreviewLinkOptions>().Bind(configuration.GetSection(PreviewLinkOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || o.HasValidSigningKey,
                "PreviewLinks:SigningKey must be base64 of at least 32 random bytes, or absent (then derived from Jwt:SigningKey).")
            .Validate(o => o.Lifetime > TimeSpan.Zero, "PreviewLinks:Lifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IPreviewLinkSigner, HmacPreviewLinkSigner>();
        return services;
    }
}
