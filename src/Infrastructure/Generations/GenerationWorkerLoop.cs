using IaGenify.Application.Generations;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// One generation worker: claim → run while jobs are due; when none is, wait for a notification, for the next job to
/// become due, or for the poll interval, whichever comes first.
/// </summary>
internal sealed class GenerationWorkerLoop(
    GenerationProcessor processor,
    GenerationSignal signal,
    Func<CancellationToken, Task<TimeSpan>> idleWait,
    IOptionsMonitor<GenerationOptions> options,
    ILogger logger) : PeriodicWorker(logger)
{
    // Taken before each claim, so that a job queued while this worker runs one still wakes it.
    private Task _wake = Task.CompletedTask;

    protected override bool Enabled => true;
    protected override TimeSpan Interval => options.CurrentValue.PollInterval;
    protected override bool RunAtStart => true;

    private bool _ranOne;

    protected override bool MoreDue => _ranOne;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        _wake = signal.NextPulse;
        _ranOne = false;
        _ranOne = await processor.ProcessNextAsync(cancellationToken);
    }

    protected override async Task WaitAsync(CancellationToken cancellationToken) =>
        await Task.WhenAny(_wake, Task.Delay(await idleWait(cancellationToken), cancellationToken));
}
