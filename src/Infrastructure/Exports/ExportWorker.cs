using IaGenify.Application.Exports;
using IaGenify.Application.Exports.Processing;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Exports;

/// <summary>Builds queued exports and sweeps expired archives every <c>Exports:PollInterval</c>.</summary>
internal sealed class ExportWorker(ExportProcessor processor, IOptions<ExportOptions> options, ILogger<ExportWorker> logger)
    : PeriodicWorker(logger)
{
    protected override bool Enabled => options.Value.WorkerEnabled;
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => processor.RunOnceAsync(cancellationToken);
}
