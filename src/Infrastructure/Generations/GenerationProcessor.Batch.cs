using System.Diagnostics;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Commands.RunGeneration;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// Several claimed jobs completed with one commit. They are read at once, and their model calls run side by side, each
/// in a scope of its own (its workspace) and outside any transaction. Then one system scope opens one transaction and
/// finishes them all at once (<see cref="GenerationBatch"/>: a handful of statements for the batch). If that throws,
/// nothing of it is kept and the slower path runs: each finished attempt applied through <see cref="RunGeneration"/>
/// behind a savepoint of its own, so a job that throws is rolled back alone, the others still commit, and it is then
/// completed alone in a transaction of its own. Every job keeps its guarantee: its lease is re-checked under a row
/// lock, and its hold is captured in the commit that stores its output, at most once (the capture's key is the job's).
/// If the transaction itself breaks (the connection or the process dies), nothing of the batch is committed and the
/// leases lapse: the jobs are claimed again and run from the start, uncharged.
/// </summary>
public sealed partial class GenerationProcessor
{
    private sealed class BatchJob(ClaimedGeneration job, CancellationTokenSource run)
    {
        public ClaimedGeneration Job { get; } = job;
        public CancellationTokenSource Run { get; } = run;
        public GenerationAttempt? Attempt { get; set; }
        public string Outcome { get; set; } = "error";
    }

    private async Task RunBatchAsync(IGenerationQueue queue, IReadOnlyList<ClaimedGeneration> claimed, CancellationToken stopping)
    {
        var jobs = claimed.Select(job => new BatchJob(job, CancellationTokenSource.CreateLinkedTokenSource(stopping))).ToList();
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = KeepLeasesAsync(queue, jobs, heartbeatStop.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var snapshots = (await queue.FindClaimedAsync(claimed.Select(c => c.Id).ToList(), stopping)).ToDictionary(g => g.Id);
            await Task.WhenAll(jobs.Select(j => AttemptAsync(j, snapshots.GetValueOrDefault(j.Job.Id), stopping)));
            // Completing locks each job's credit account until the commit; taking them in one order (by workspace)
            // in every worker is what keeps two batches from deadlocking on each other's accounts.
            var finished = jobs.Where(j => j.Attempt is { Lost: false })
                .OrderBy(j => j.Job.WorkspaceId).ThenBy(j => j.Job.Id).ToList();
            if (!await FinishAtOnceAsync(finished, stopping))
            {
                var failed = await CompleteTogetherAsync(finished, stopping);
                foreach (var job in failed)
                    await CompleteAloneAsync(job, stopping);
            }
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            foreach (var job in jobs)
            {
                if (!stopping.IsCancellationRequested)
                    metrics.JobCompleted(GenerationMetrics.Queue, job.Outcome, Stopwatch.GetElapsedTime(started));
                job.Run.Dispose();
            }
        }
    }

    /// <summary>
    /// The batch's leases renewed together, one statement every third of the lease; a job that is no longer its
    /// lease's (cancelled, or reclaimed after a stall) has its run aborted, as a job run alone does.
    /// </summary>
    private async Task KeepLeasesAsync(IGenerationQueue queue, List<BatchJob> jobs, CancellationToken stop)
    {
        var interval = options.CurrentValue.Lease / 3;
        var claimed = jobs.Select(j => j.Job).ToList();
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                    return;
                var renewed = await queue.RenewLeasesAsync(claimed, stop);
                foreach (var job in jobs.Where(j => !renewed.Contains(j.Job.Id)))
                    await job.Run.CancelAsync();
                claimed.RemoveAll(c => !renewed.Contains(c.Id));
                if (claimed.Count == 0)
                    return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The batch ended during a renewal.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the leases of a batch of {Count} generations; they may be reclaimed", claimed.Count);
        }
    }

    private async Task AttemptAsync(BatchJob job, Generation? snapshot, CancellationToken stopping)
    {
        var (id, attempt) = (job.Job.Id, job.Job.Attempt);
        try
        {
            await using var scope = scopes.CreateSystemScope();
            job.Attempt = await scope.ServiceProvider.GetRequiredService<GenerationAttempts>().RunClaimedAsync(job.Job, snapshot, job.Run.Token);
            if (job.Attempt.Lost)
            {
                job.Outcome = "lease_lost";
                logger.LogWarning("Generation {GenerationId} attempt {Attempt} lost its lease; another worker owns it", id, attempt);
            }
        }
        catch (OperationCanceledException) when (job.Run.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            job.Outcome = "lease_lost";
            logger.LogWarning("Generation {GenerationId} attempt {Attempt} was aborted: its lease is gone", id, attempt);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(ex, "Generation {GenerationId} attempt {Attempt} failed with {ExceptionType}", id, attempt, ex.GetType().Name);
        }
    }

    /// <summary>The batch finished with one lock, one ledger preparation and one save; false when it threw and nothing was kept.</summary>
    private async Task<bool> FinishAtOnceAsync(List<BatchJob> jobs, CancellationToken stopping)
    {
        if (jobs.Count == 0)
            return true;
        try
        {
            await using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = scope.ServiceProvider.GetRequiredService<GenerationBatch>();
            await using var transaction = await db.Database.BeginTransactionAsync(stopping);
            var outcomes = await batch.FinishAsync(jobs.Select(j => new FinishedGeneration(j.Job, j.Attempt!)).ToList(), stopping);
            await transaction.CommitAsync(stopping);
            batch.RecordFinished();
            foreach (var job in jobs)
                job.Outcome = OutcomeName(job.Job, outcomes[job.Job.Id]);
            return true;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(ex, "A batch of {Count} generations could not be finished at once ({ExceptionType}); finishing each behind a savepoint",
                jobs.Count, ex.GetType().Name);
            return false;
        }
    }

    /// <returns>The jobs that threw inside the batch (rolled back to their savepoint), to be completed alone.</returns>
    private async Task<List<BatchJob>> CompleteTogetherAsync(List<BatchJob> jobs, CancellationToken stopping)
    {
        var failed = new List<BatchJob>();
        if (jobs.Count == 0)
            return failed;
        var completed = new List<(BatchJob Job, GenerationRunOutcome Outcome)>();
        try
        {
            await using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await using var transaction = await db.Database.BeginTransactionAsync(stopping);
            // Every job row first, then the accounts (by workspace, as the jobs are ordered): a cancellation locks its
            // job before its account, so it can wait for the batch but never hold what the batch waits for.
            var ids = jobs.Select(j => j.Job.Id).Order().ToArray();
            await db.Database.SqlQuery<Guid>($"""SELECT id AS "Value" FROM generations WHERE id = ANY({ids}) ORDER BY id FOR UPDATE""")
                .ToListAsync(stopping);
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                var savepoint = $"job_{i}";
                await transaction.CreateSavepointAsync(savepoint, stopping);
                try
                {
                    var outcome = await mediator.Send(new RunGeneration(job.Job.WorkspaceId, job.Job.Id, job.Job.LeaseToken, job.Attempt),
                        job.Run.Token);
                    await transaction.ReleaseSavepointAsync(savepoint, stopping);
                    completed.Add((job, outcome));
                }
                catch (OperationCanceledException) when (job.Run.IsCancellationRequested && !stopping.IsCancellationRequested)
                {
                    // Rolling back to the savepoint needs a working transaction; if it is broken, the batch is (below).
                    await transaction.RollbackToSavepointAsync(savepoint, stopping);
                    job.Outcome = "lease_lost";
                    logger.LogWarning("Generation {GenerationId} attempt {Attempt} was aborted: its lease is gone", job.Job.Id, job.Job.Attempt);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync(savepoint, stopping);
                    failed.Add(job);
                    logger.LogWarning(ex, "Generation {GenerationId} could not be completed in its batch ({ExceptionType}); completing it alone",
                        job.Job.Id, ex.GetType().Name);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    context.LeaveWorkspace();
                }
            }
            await transaction.CommitAsync(stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(ex, "A batch of {Count} generations was not committed ({ExceptionType}); their leases lapse and they run again",
                jobs.Count, ex.GetType().Name);
            foreach (var job in jobs)
                job.Outcome = "error";
            return [];
        }
        foreach (var (job, outcome) in completed)
            job.Outcome = OutcomeName(job.Job, outcome);
        return failed;
    }

    private async Task CompleteAloneAsync(BatchJob job, CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RunGeneration(job.Job.WorkspaceId, job.Job.Id, job.Job.LeaseToken, job.Attempt), job.Run.Token);
            job.Outcome = OutcomeName(job.Job, outcome);
        }
        catch (OperationCanceledException) when (job.Run.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            job.Outcome = "lease_lost";
            logger.LogWarning("Generation {GenerationId} attempt {Attempt} was aborted: its lease is gone", job.Job.Id, job.Job.Attempt);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // As for a job run alone: the lease lapses and another attempt is made.
            job.Outcome = "error";
            logger.LogError(ex, "Generation {GenerationId} attempt {Attempt} failed with {ExceptionType}", job.Job.Id, job.Job.Attempt,
                ex.GetType().Name);
        }
    }

    private string OutcomeName(ClaimedGeneration job, GenerationRunOutcome outcome)
    {
        if (!outcome.LeaseLost)
            return outcome.Status.ToString().ToLowerInvariant();
        logger.LogWarning("Generation {GenerationId} attempt {Attempt} lost its lease; another worker owns it", job.Id, job.Attempt);
        return "lease_lost";
    }
}
