using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using IaGenify.Infrastructure.Generations.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Generations;

public static class GenerationEngineServices
{
    /// <summary>The PostgreSQL job queue, its workers and the model adapter chosen by <c>Ai:Provider</c>.</summary>
    public static IServiceCollection AddGenerationEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IGenerationQueue, GenerationQueue>();
        services.AddSingleton<GenerationSignal>();
        services.AddSingleton<GenerationProcessor>();
        services.AddSingleton<GenerationWorkerPool>();
        if (configuration.GetValue("Generations:RunWorkers", true))
            services.AddHostedService<GenerationWorkerService>();

        services.AddSingleton<OfflineTextModel>();
        services.AddSingleton<ITextModel>(provider => provider.GetRequiredService<OfflineTextModel>());
        return services;
    }
}
