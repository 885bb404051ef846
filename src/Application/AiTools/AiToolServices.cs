using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.AiTools;

public static class AiToolServices
{
    public static IServiceCollection AddAiTools(this IServiceCollection services)
    {
        services.AddSingleton<AiToolRegistry>();
        services.AddSingleton<AiToolInvoker>();
        services.AddScoped<AiToolAccess>();
        return services;
    }
}
