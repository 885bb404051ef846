using IaGenify.Application.Assistant.Ports;
using IaGenify.Application.Generations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Assistant;

public static class AssistantModelServices
{
    /// <summary>The assistant's model follows <c>Ai:Provider</c>, read when first resolved (as the generation adapters).</summary>
    public static IServiceCollection AddAssistantModel(this IServiceCollection services)
    {
        services.AddSingleton<OfflineAssistantModel>();
        services.AddSingleton<OpenAiAssistantModel>();
        services.AddSingleton<IAssistantModel>(provider =>
            provider.GetRequiredService<IOptions<AiOptions>>().Value.EffectiveProvider == AiOptions.OpenAiProvider
                ? provider.GetRequiredService<OpenAiAssistantModel>()
                : provider.GetRequiredService<OfflineAssistantModel>());
        return services;
    }
}
