using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Workspaces;

/// <summary>Purges workspaces past their restore window every <c>Workspaces:Purge:Interval</c>.</summary>
internal sealed class WorkspacePurgeWorker(WorkspacePurger purger, IOptions<WorkspacePurgeOptions> options,
    ILogger<WorkspacePurgeWorker> logger) : PeriodicWorker(logger)
{
    protected override bool Enabled => options.Value.WorkerEnabled;
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => purger.PurgeDueAsync(cancellationToken);
}
