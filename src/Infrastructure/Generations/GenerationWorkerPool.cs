using IaGenify.Application.Common.Observability;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Generations;

/// <summary>A running worker; <see cref="StopAsync"/> ends it as a killed process would (its job's lease simply lapses).</summary>
public sealed class GenerationWorker(Task loop, CancellationTokenSource stop) : IAsyncDisposable
{
    public async Task StopAsync()
    {
        if (!stop.IsCancellationRequested)
            await stop.CancelAsync();
        await loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}

/// <summary>
/// Starts workers (<see cref="GenerationWorkerLoop"/>) sharing one queue-depth sampler. The hosted service starts
/// <c>Generations:Workers</c> of them; tests start and stop their own.
/// </summary>
public sealed class GenerationWorkerPool(
    GenerationProcessor processor,
    GenerationSignal signal,
    IServiceScopeFactory scopes,
    IOptionsMonitor<GenerationOptions> options,
    TimeProvider clock,
    IaGenifyMetrics metrics,
    ILogger<GenerationWorkerPool> logger)
{
    public GenerationWorker Start()
    {
        signal.EnsureListening();
        var stop = new CancellationTokenSource();
        var loop = new GenerationWorkerLoop(processor, signal, IdleWaitAsync, options, logger);
        return new GenerationWorker(Task.Run(() => loop.RunLoopAsync(stop.Token)), stop);
    }

    private static readonly TimeSpan DepthSampleInterval = TimeSpan.FromSeconds(15);
    private long _nextDepthSampleTicks;

    /// <summary>True for one idle worker per interval: the depth gauge is fresh enough without counting on every wake-up.</summary>
    private bool TakeDepthSample()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextDepthSampleTicks);
        return now >= due && Interlocked.CompareExchange(ref _nextDepthSampleTicks, now + DepthSampleInterval.Ticks, due) == due;
    }

    private async Task<TimeSpan> IdleWaitAsync(CancellationToken stopping)
    {
        var poll = options.CurrentValue.PollInterval;
        using var scope = scopes.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IGenerationQueue>();
        var state = await queue.StateAsync(stopping);
        if (TakeDepthSample())
            metrics.JobQueueDepth(GenerationMetrics.Queue, await queue.CountQueuedAsync(stopping));
        if (state.NextDue is not { } next)
            return poll;
        var until = next - clock.GetUtcNow();
        return until <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : until < poll ? until : poll;
    }
}
