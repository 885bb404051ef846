using IaGenify.Application.Exports.Ports;
using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Exports;
using IaGenify.Infrastructure.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Lifecycle;

public static class LifecycleServices
{
    /// <summary>Exports (queue, zip archives, worker) and the workspace purge (row locks, sweep).</summary>
    public static IServiceCollection AddDataLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<IExportQueue, ExportQueue>();
        services.AddSingleton<IExportArchiveFactory, ZipExportArchiveFactory>();
        services.AddScoped<IWorkspacePurgeStore, WorkspacePurgeStore>();
        services.AddHostedService<ExportWorker>();
        services.AddHostedService<WorkspacePurgeWorker>();
        return services;
    }
}
