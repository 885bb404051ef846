using System.Diagnostics;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Commands.RunGeneration;
using IaGenify.Application.Generations.Ports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// Claims one due job of any workspace and runs it: the job gets its own DI scope with the system principal, and
/// is sent as <see cref="RunGeneration"/> so the pipeline enters its workspace (tenant filter on). While it runs, the
/// lease is renewed every third of its length; when a renewal fails (cancelled, or reclaimed after a stall) the run
/// is aborted, and it could not have finished anyway: finishing re-checks the lease.
/// </summary>
public sealed partial class GenerationProcessor(
    IServiceScopeFactory scopes,
    IOptionsMonitor<GenerationOptions> options,
    IaGenifyMetrics metrics,
    ILogger<GenerationProcessor> logger)
{
    /// <returns>False when no job was due.</returns>
    public async Task<bool> ProcessNextAsync(CancellationToken stopping) => await ProcessNextBatchAsync(stopping) > 0;

    /// <summary>
    /// Claims up to <see cref="GenerationOptions.CompletionBatch"/> due jobs and runs them: one alone, several as a
    /// batch completed in one transaction (<see cref="RunBatchAsync"/>).
    /// </summary>
    /// <returns>How many jobs were claimed; 0 when none was due.</returns>
    public async Task<int> ProcessNextBatchAsync(CancellationToken stopping)
    {
        using var queueScope = scopes.CreateScope();
        var queue = queueScope.ServiceProvider.GetRequiredService<IGenerationQueue>();
        var claimed = await queue.ClaimAsync(Math.Max(1, options.CurrentValue.CompletionBatch), stopping);
        if (claimed.Count == 1)
            await RunAsync(queue, claimed[0], stopping);
        else if (claimed.Count > 1)
            await RunBatchAsync(queue, claimed, stopping);
        return claimed.Count;
    }

    /// <summary>Processes due jobs until none is left (tests and one-off runs).</summary>
    /// <returns>How many jobs were claimed.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        int claimed;
        while ((claimed = await ProcessNextBatchAsync(cancellationToken)) > 0)
            processed += claimed;
        return processed;
    }

    private async Task RunAsync(IGenerationQueue queue, ClaimedGeneration job, CancellationToken stopping)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = KeepLeaseAsync(queue, job, run, heartbeatStop.Token);
        var started = Stopwatch.GetTimestamp();
        var outcomeName = "error";
        try
        {
            await using var scope = scopes.CreateSystemScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RunGeneration(job.WorkspaceId, job.Id, job.LeaseToken), run.Token);
            outcomeName = outcome.LeaseLost ? "lease_lost" : outcome.Status.ToString().ToLowerInvariant();
            if (outcome.LeaseLost)
                logger.LogWarning("Generation {GenerationId} attempt {Attempt} lost its lease; another worker owns it", job.Id, job.Attempt);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            outcomeName = "lease_lost";
            logger.LogWarning("Generation {GenerationId} attempt {Attempt} was aborted: its lease is gone", job.Id, job.Attempt);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // The lease lapses and another attempt is made; RunGeneration fails jobs interrupted too often.
            logger.LogError(ex, "Generation {GenerationId} attempt {Attempt} failed with {ExceptionType}", job.Id, job.Attempt, ex.GetType().Name);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            if (!stopping.IsCancellationRequested)
                metrics.JobCompleted(GenerationMetrics.Queue, outcomeName, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task KeepLeaseAsync(IGenerationQueue queue, ClaimedGeneration job, CancellationTokenSource run, CancellationToken stop)
    {
        var interval = options.CurrentValue.Lease / 3;
        try
        {
            while (true)
            {
                // Most jobs end before their first renewal: stopping the wait must not throw, one exception per job
                // was 5 % of a worker's CPU (perf, queue benchmark).
                await Task.Delay(interval, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                    return;
                if (!await queue.RenewLeaseAsync(job.Id, job.LeaseToken, stop))
                {
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended during a renewal.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the lease of generation {GenerationId}; it may be reclaimed", job.Id);
        }
    }
}
