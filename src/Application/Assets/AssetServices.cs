using IaGenify.Application.Assets.Export;
using IaGenify.Application.Exports;
using IaGenify.Application.Assets.Generators;
using IaGenify.Application.Generations.Generators;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Assets;

public static class AssetServices
{
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddScoped<IGenerator, ImageGenerator>();
        services.AddScoped<PublishedAssetLinks>();
        services.AddScoped<IGenerationCompletion, AssetGenerationCompletion>();
        services.AddExportContributor<AssetsExportContributor>();
        return services;
    }
}
