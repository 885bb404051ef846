using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Ports;

/// <summary>A job a worker claimed: it owns it while <see cref="LeaseToken"/> is the generation's lease.</summary>
public sealed record ClaimedGeneration(Guid Id, Guid WorkspaceId, Guid LeaseToken, int Attempt);

/// <summary>Queued jobs (due or waiting for a retry), and the earliest moment a job becomes claimable; null when none can.</summary>
/// <summary>When the next job becomes due (or a lease lapses); null when nothing waits or runs.</summary>
public sealed record QueueState(DateTimeOffset? NextDue);

/// <summary>
/// The PostgreSQL job queue's special SQL. Claims skip rows other workers hold (<c>FOR UPDATE SKIP LOCKED</c>) and
/// take due jobs of every workspace, as well as running jobs whose lease lapsed (their worker died).
/// </summary>
public interface IGenerationQueue
{
    /// <summary>Claims up to <paramref name="limit"/> due jobs under a new lease, in their own short transaction.</summary>
    Task<IReadOnlyList<ClaimedGeneration>> ClaimAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Extends the leases of a worker's batch in one statement; returns the jobs still theirs (the others were cancelled or reclaimed).</summary>
    Task<IReadOnlySet<Guid>> RenewLeasesAsync(IReadOnlyList<ClaimedGeneration> claimed, CancellationToken cancellationToken);

    /// <summary>Extends a lease; false when the job is no longer this lease's (cancelled, or reclaimed after lapsing).</summary>
    Task<bool> RenewLeaseAsync(Guid generationId, Guid leaseToken, CancellationToken cancellationToken);

    /// <summary>
    /// The job as it is now, untracked, through the tenant filter (the request's workspace only): what an attempt
    /// needs before calling the model, outside any transaction. Null when it is not there.
    /// </summary>
    Task<Generation?> FindAsync(Guid generationId, CancellationToken cancellationToken);

    /// <summary>
    /// Several claimed jobs as they are now, untracked, in one statement: a worker's batch reads them before calling
    /// the models. Every workspace's, as the claim named them; the ones no longer there are missing.
    /// </summary>
    Task<IReadOnlyList<Generation>> FindClaimedAsync(IReadOnlyCollection<Guid> generationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the unit of work's transaction, locks the rows of the jobs still owned by their lease (in id order) and
    /// returns them tracked, in one statement: a worker's batch finishes them together. The ones whose lease is lost
    /// are missing.
    /// </summary>
    Task<IReadOnlyList<Generation>> LockLeasedAsync(IReadOnlyList<ClaimedGeneration> claimed, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the unit of work's transaction, locks the job's row if <paramref name="leaseToken"/> still owns it and
    /// returns it tracked by the unit of work, in one statement, so that finishing it (status, output, credit capture)
    /// commits at most once. Null when the lease is lost.
    /// </summary>
    Task<Generation?> LockLeasedAsync(Guid workspaceId, Guid generationId, Guid leaseToken, CancellationToken cancellationToken);

    /// <summary>Opens the unit of work's transaction and locks the job's row (cancellation), waiting for a finishing worker.</summary>
    Task LockAsync(Guid workspaceId, Guid generationId, CancellationToken cancellationToken);

    /// <summary>When the next job becomes due (or a lease lapses): two index-ordered lookups, cheap enough for every idle worker.</summary>
    Task<QueueState> StateAsync(CancellationToken cancellationToken);

    /// <summary>How many jobs wait: counts the queue, so it is sampled for metrics, not polled.</summary>
    Task<long> CountQueuedAsync(CancellationToken cancellationToken);
}
