using IaGenify.Application.Credits;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Credits;

/// <summary>Runs <see cref="CreditExpirySweep"/> every <c>Credits:SweepInterval</c>.</summary>
internal sealed class CreditExpirySweeper(CreditExpirySweep sweep, IOptions<CreditOptions> options, ILogger<CreditExpirySweeper> logger)
    : PeriodicWorker(logger)
{
    protected override bool Enabled => true;
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settled = await sweep.RunOnceAsync(cancellationToken);
        if (settled > 0)
            logger.LogInformation("Settled credit expiries of {Count} workspace(s)", settled);
    }
}
