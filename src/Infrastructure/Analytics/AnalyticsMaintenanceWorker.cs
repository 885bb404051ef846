using IaGenify.Application.Analytics;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>Runs <see cref="AnalyticsMaintenance"/> every <c>Analytics:MaintenanceInterval</c> (hourly by default).</summary>
internal sealed class AnalyticsMaintenanceWorker(AnalyticsMaintenance maintenance, IOptions<AnalyticsOptions> options,
    ILogger<AnalyticsMaintenanceWorker> logger) : PeriodicWorker(logger)
{
    protected override bool Enabled => options.Value.MaintenanceEnabled;
    protected override TimeSpan Interval => options.Value.MaintenanceInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => maintenance.RunAsync(cancellationToken);
}
