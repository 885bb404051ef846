using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Workspaces.Purge;

public static class PurgeServices
{
    public static IServiceCollection AddWorkspacePurge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkspacePurgeOptions>(configuration.GetSection(WorkspacePurgeOptions.Section));
        services.AddSingleton<WorkspacePurger>();
        return services;
    }

    /// <summary>Lets a module keep or anonymize its records before a workspace is purged.</summary>
    public static IServiceCollection AddWorkspacePurgeParticipant<T>(this IServiceCollection services)
        where T : class, IWorkspacePurgeParticipant =>
        services.AddScoped<IWorkspacePurgeParticipant, T>();
}
