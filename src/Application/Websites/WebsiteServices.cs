using IaGenify.Application.Assets.Ports;
using IaGenify.Application.Exports;
using IaGenify.Application.Websites.Export;
using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Generators;
using IaGenify.Application.Websites.Publishing;
using IaGenify.Application.Websites.Queries.RenderPreviewLink;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Websites;

public static class WebsiteServices
{
    public static IServiceCollection AddWebsites(this IServiceCollection services)
    {
        services.AddScoped<IGenerator, WebsiteGenerator>();
        services.AddScoped<IGenerator, PageGenerator>();
        services.AddScoped<IGenerator, SectionGenerator>();
        services.AddScoped<IGenerationCompletion, WebsiteGenerationCompletion>();
        services.AddScoped<WebsiteEditing>();
        services.AddScoped<PublishedSites>();
        services.AddScoped<PreviewLinkReader>();
        services.AddScoped<CustomDomainAccess>();
        services.AddSingleton<PlatformHosts>();
        services.AddSingleton<SiteContentVersion>();
        services.AddScoped<IPublishedAssets, WebsitePublishedAssets>();
        services.AddScoped<IUsageCounter, WebsiteCounter>();
        services.AddExportContributor<WebsitesExportContributor>();
        return services;
    }
}
