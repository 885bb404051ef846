using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Commands.RunGeneration;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Generations;

/// <summary>A claimed job of a batch and the attempt made at it.</summary>
public sealed record FinishedGeneration(ClaimedGeneration Job, GenerationAttempt Attempt);

/// <summary>
/// A worker's batch of claimed jobs, finished with a few statements for the whole batch instead of a dozen per job:
/// the jobs are read at once before the model calls (<see cref="IGenerationQueue.FindClaimedAsync"/>,
/// <see cref="GenerationAttempts.RunClaimedAsync"/>); then, in the transaction the worker opened, one lock of the jobs still
/// under their lease, one of their credit accounts (with their grants, holds and keys), the same
/// <see cref="GenerationFinisher"/> a single job goes through for each, and one save. Each job keeps its guarantees:
/// its lease is checked under its row lock, and its hold is captured in the commit that stores its output, at most
/// once (the capture's key is the job's).
/// The worker acts as the system, whose right to act in a job's workspace is the job itself: the jobs are read and
/// locked by id, and each is finished inside its own workspace, so whatever its module reads or writes goes through
/// the tenant filter as in a request.
/// </summary>
public sealed class GenerationBatch(
    IGenerationQueue queue,
    GenerationFinisher finisher,
    ICreditLedger ledger,
    RequestContext context,
    IUnitOfWork unitOfWork)
{
    private IReadOnlyList<Generation> _finished = [];

    /// <summary>
    /// Applies the attempts in the transaction the caller opened and saves, without committing: the caller commits,
    /// then calls <see cref="RecordFinished"/>. Jobs whose lease is lost are left as they are.
    /// </summary>
    /// <returns>Each job's outcome, by job id.</returns>
    public async Task<IReadOnlyDictionary<Guid, GenerationRunOutcome>> FinishAsync(IReadOnlyList<FinishedGeneration> finished,
        CancellationToken cancellationToken)
    {
        var attemptsById = finished.ToDictionary(f => f.Job.Id, f => f.Attempt);
        // Job rows first, then the accounts: a cancellation locks its job before its account, so it can wait for the
        // batch but never hold what the batch waits for.
        var locked = (await queue.LockLeasedAsync(finished.Select(f => f.Job).ToList(), cancellationToken))
            .OrderBy(g => g.WorkspaceId).ThenBy(g => g.Id)
            .ToList();
        await ledger.PrepareAsync(
            locked.Select(g => g.WorkspaceId).ToList(),
            locked.Where(g => g.HoldId is not null).Select(g => g.HoldId!.Value).ToList(),
            locked.SelectMany(g => new[]
            {
                (g.WorkspaceId, GenerationSubmitter.CaptureKey(g.Id)),
                (g.WorkspaceId, GenerationSubmitter.ReleaseKey(g.Id)),
            }).ToList(),
            cancellationToken);

        foreach (var generation in locked)
        {
            context.EnterWorkspace(generation.WorkspaceId, Role.Owner);
            try
            {
                await finisher.FinishAsync(generation, generation.LeaseToken!.Value, attemptsById[generation.Id], cancellationToken);
            }
            finally
            {
                context.LeaveWorkspace();
            }
        }
        await unitOfWork.SaveChangesAsync(cancellationToken);
        _finished = locked;

        var outcomes = finished.ToDictionary(f => f.Job.Id, f => GenerationRunOutcome.Lost(f.Attempt.Attempts));
        foreach (var generation in locked)
            outcomes[generation.Id] = GenerationFinisher.Outcome(generation);
        return outcomes;
    }

    /// <summary>After the commit: the metrics and log line of each finished job.</summary>
    public void RecordFinished()
    {
        foreach (var generation in _finished)
            finisher.Record(generation);
    }
}
