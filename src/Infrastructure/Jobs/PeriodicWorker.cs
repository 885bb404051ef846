using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Jobs;

/// <summary>
/// The one loop every background job runs on: run, wait, run again, for the life of the host. A run that reports
/// more work due (<see cref="MoreDue"/>) starts the next one at once. A failed run is logged with its exception type only (messages can
/// quote data) and retried after a pause that doubles with each failure in a row, up to <see cref="MaxErrorDelay"/>;
/// the first success after failures is logged too. Hosts that only build services (the CLI) never start it.
/// </summary>
public abstract partial class PeriodicWorker(ILogger logger) : BackgroundService
{
    /// <summary>The longest pause after failures in a row.</summary>
    protected virtual TimeSpan MaxErrorDelay => TimeSpan.FromSeconds(30);

    protected abstract bool Enabled { get; }

    /// <summary>The pause between runs when there is nothing more to do.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False for jobs whose first run must wait one interval (at startup the database may not be migrated yet).</summary>
    protected virtual bool RunAtStart => false;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Read after each run: true when the run left work due right now, so the next starts without a pause.</summary>
    protected virtual bool MoreDue => false;

    /// <summary>Waits until the next run is due; workers woken by notifications override it.</summary>
    protected virtual Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Interval, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Enabled ? RunLoopAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>The loop itself; pools that start and stop their own workers (generations) call it directly.</summary>
    public async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
        LogStarted(name, Interval);
        var failures = 0;
        var wait = !RunAtStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (wait)
                    await WaitAsync(stoppingToken);
                await RunOnceAsync(stoppingToken);
                wait = !MoreDue;
                if (failures > 0)
                    LogRecovered(name, failures);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = ErrorDelay(failures);
                LogRunFailed(name, ex.GetType().Name, failures, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                wait = false;
            }
        }
    }

    private TimeSpan ErrorDelay(int failures)
    {
        var first = Interval < TimeSpan.FromSeconds(1) ? Interval : TimeSpan.FromSeconds(1);
        var ticks = first.Ticks << Math.Min(failures - 1, 20);
        var max = MaxErrorDelay;
        return ticks <= 0 || ticks > max.Ticks ? max : TimeSpan.FromTicks(ticks);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Worker} started; pause between runs {Interval}")]
    private partial void LogStarted(string worker, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} run failed with {ExceptionType} ({Failures} in a row); next run in {Delay}")]
    private partial void LogRunFailed(string worker, string exceptionType, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker} recovered after {Failures} failed run(s)")]
    private partial void LogRecovered(string worker, int failures);
}
