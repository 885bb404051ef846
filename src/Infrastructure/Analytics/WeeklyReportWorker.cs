using IaGenify.Application.Analytics;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>Runs <see cref="WeeklyReportSender"/> every <c>Analytics:Reports:PollInterval</c>.</summary>
internal sealed class WeeklyReportWorker(WeeklyReportSender sender, IOptions<AnalyticsOptions> options, ILogger<WeeklyReportWorker> logger)
    : PeriodicWorker(logger)
{
    private bool _moreDue;

    protected override bool Enabled => options.Value.Reports.WorkerEnabled;
    protected override TimeSpan Interval => options.Value.Reports.PollInterval;
    protected override bool MoreDue => _moreDue;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var (due, sent) = await sender.RunOnceAsync(cancellationToken);
        // A full batch that made progress leaves more members due; a batch that only failed waits for the next run.
        _moreDue = due >= options.Value.Reports.BatchSize && sent > 0;
    }
}
