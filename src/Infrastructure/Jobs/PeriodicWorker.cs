using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Jobs;

/// <summary>
/// Runs a job again and again with a pause in between, for the life of the host. A failed run is logged (its
/// exception type only) and the next one comes after the usual pause. Hosts that only build services (the CLI)
/// never start it.
/// </summary>
internal abstract class PeriodicWorker(ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        var name = GetType().Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("{Worker} run failed with {ExceptionType}", name, ex.GetType().Name);
            }
        }
    }
}
