using IaGenify.Application.Assistant.Export;
using IaGenify.Application.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Assistant;

public static class AssistantServices
{
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AssistantOptions>(configuration.GetSection(AssistantOptions.Section));
        services.AddScoped<AssistantLoop>();
        services.AddScoped<Identity.IAccountErasureParticipant, AssistantAccountErasure>();
        services.AddExportContributor<AssistantExportContributor>();
        return services;
    }
}
