using IaGenify.Application.Exports;
using IaGenify.Application.Generations.Export;
using IaGenify.Application.Generations.Generators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Generations;

public static class GenerationServices
{
    /// <summary>The generation engine. Each module registers the generators and completions of its own kinds.</summary>
    public static IServiceCollection AddGenerations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GenerationOptions>(configuration.GetSection(GenerationOptions.Section));
        services.Configure<AiOptions>(configuration.GetSection(AiOptions.Section));
        services.AddScoped<GenerationSubmitter>();
        services.AddExportContributor<GenerationsExportContributor>();
        services.AddScoped<ModelSettingsResolver>();
        services.AddScoped<GeneratorRegistry>();
        services.AddScoped<GenerationAttempts>();
        services.AddScoped<GenerationFinisher>();
        services.AddScoped<GenerationBatch>();

        return services;
    }
}
