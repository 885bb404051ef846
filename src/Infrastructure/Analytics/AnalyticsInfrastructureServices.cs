using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Exports;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Analytics;

public static class AnalyticsInfrastructureServices
{
    public static IServiceCollection AddAnalyticsInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsBuffer>();
        services.AddSingleton<IAnalyticsCollector>(provider => provider.GetRequiredService<AnalyticsBuffer>());
        services.AddSingleton<AnalyticsSalts>();
        services.AddSingleton<AnalyticsPartitions>();
        services.AddSingleton<SiteDirectory>();
        services.AddSingleton<AnalyticsBatchStore>();
        services.AddSingleton<AnalyticsWriter>();
        // Every role runs the writer: any process that serves pages or takes form submissions produces events.
        services.AddHostedService(provider => provider.GetRequiredService<AnalyticsWriter>());
        services.AddSingleton<AnalyticsMaintenance>();
        services.AddHostedService<AnalyticsMaintenanceWorker>();
        services.AddSingleton<WeeklyReportSender>();
        services.AddHostedService<WeeklyReportWorker>();
        services.AddScoped<IAnalyticsReader, AnalyticsReader>();
        services.AddExportContributor<AnalyticsExportContributor>();
        services.AddWorkspacePurgeParticipant<AnalyticsPurgeParticipant>();
        return services;
    }
}
