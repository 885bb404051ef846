using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Workspaces.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Workspaces;

public static class WorkspaceServices
{
    public static IServiceCollection AddWorkspaces(this IServiceCollection services)
    {
        services.AddScoped<IAccountErasureParticipant, WorkspaceAccountErasure>();
        services.AddScoped<IUserWorkspaces, UserWorkspaces>();
        return services;
    }

    /// <summary>Lets a module prepare each new workspace in the transaction that creates it.</summary>
    public static IServiceCollection AddWorkspaceSetupStep<T>(this IServiceCollection services) where T : class, IWorkspaceSetupStep =>
        services.AddScoped<IWorkspaceSetupStep, T>();
}
