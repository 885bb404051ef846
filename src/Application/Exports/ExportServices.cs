using IaGenify.Application.Exports.Contributors;
using IaGenify.Application.Exports.Ports;
using IaGenify.Application.Exports.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Exports;

public static class ExportServices
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportProcessor>();
        services.AddExportContributor<WorkspaceExportContributor>();
        services.AddExportContributor<MembersExportContributor>();
        services.AddExportContributor<InvitationsExportContributor>();
        services.AddExportContributor<AuditLogExportContributor>();
        return services;
    }

    /// <summary>
    /// Adds a module's part to every workspace export. Contributors are resolved in the export's scope, which is
    /// entered into the workspace, so the tenant filter applies to what they read.
    /// </summary>
    public static IServiceCollection AddExportContributor<T>(this IServiceCollection services) where T : class, IExportContributor =>
        services.AddScoped<IExportContributor, T>();
}
