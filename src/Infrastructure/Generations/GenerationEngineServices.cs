using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using IaGenify.Infrastructure.Generations.Offline;
using IaGenify.Infrastructure.Generations.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Generations;

public static class GenerationEngineServices
{
    /// <summary>The PostgreSQL job queue, its workers and the model adapter chosen by <c>Ai:Provider</c>.</summary>
    /// <summary>Read when first resolved, so hosts and tests can configure the provider up to the last moment.</summary>
    private static bool IsOpenAi(IServiceProvider provider)
    {
        var ai = provider.GetRequiredService<IOptions<AiOptions>>().Value;
        return ai.EffectiveProvider switch
        {
            AiOptions.OpenAiProvider => true,
            AiOptions.OfflineProvider => false,
            var other => throw new InvalidOperationException($"Unknown Ai:Provider '{other}'; use openai or offline."),
        };
    }

    public static IServiceCollection AddGenerationEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IGenerationQueue, GenerationQueue>();
        services.AddSingleton<GenerationSignal>();
        services.AddSingleton<GenerationProcessor>();
        services.AddSingleton<GenerationWorkerPool>();
        if (configuration.GetValue("Generations:RunWorkers", true))
            services.AddHostedService<GenerationWorkerService>();

        services.AddSingleton<OfflineTextModel>();
        services.AddSingleton<OfflineImageModel>();
        services.AddSingleton<OpenAiTextModel>();
        services.AddSingleton<OpenAiImageModel>();
        services.AddSingleton<ITextModel>(provider => IsOpenAi(provider)
            ? provider.GetRequiredService<OpenAiTextModel>()
            : provider.GetRequiredService<OfflineTextModel>());
        services.AddSingleton<IImageModel>(provider => IsOpenAi(provider)
            ? provider.GetRequiredService<OpenAiImageModel>()
            : provider.GetRequiredService<OfflineImageModel>());
        return services;
    }
}
