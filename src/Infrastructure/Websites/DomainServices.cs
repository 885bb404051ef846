using IaGenify.Application.Websites.Domains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Websites;

internal static class DomainServices
{
    public static IServiceCollection AddCustomDomains(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DomainOptions>(configuration.GetSection(DomainOptions.Section));
        services.AddSingleton<IDnsTxtResolver, DnsTxtResolver>();
        services.AddScoped<IWebsiteDomainsLock, WebsiteDomainsLock>();
        services.AddSingleton<SiteChangeInterceptor>();
        return services;
    }
}
