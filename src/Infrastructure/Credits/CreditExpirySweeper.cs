using IaGenify.Application.Credits;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Credits;

/// <summary>Runs <see cref="CreditExpirySweep"/> every <c>Credits:SweepInterval</c>.</summary>
internal sealed class CreditExpirySweeper(CreditExpirySweep sweep, IOptions<CreditOptions> options, ILogger<CreditExpirySweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var settled = await sweep.RunOnceAsync(stoppingToken);
                if (settled > 0)
                    logger.LogInformation("Settled credit expiries of {Count} workspace(s)", settled);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Credit expiry sweep failed");
            }
        }
    }
}
