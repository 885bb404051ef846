namespace IaGenify.Application.Workspaces.Purge;

/// <summary>A deleted workspace whose restore window has passed, locked for purging.</summary>
public interface IWorkspacePurgeLock : IAsyncDisposable
{
    Guid WorkspaceId { get; }
    DateTimeOffset DeletedAt { get; }

    /// <summary>
    /// Deletes the workspace's audit trail and its row (tenant rows cascade), saves what the scope staged (the
    /// purge record, participants' changes) and commits. Disposing without completing rolls everything back.
    /// </summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>The special SQL of the purge: a transaction holding a row lock that other replicas skip.</summary>
public interface IWorkspacePurgeStore
{
    /// <summary>
    /// Begins a transaction on the scope's unit of work and locks the deleted workspace whose purge is the most
    /// overdue (<c>FOR UPDATE SKIP LOCKED</c>), leaving out <paramref name="skip"/>; null when none is due.
    /// </summary>
    Task<IWorkspacePurgeLock?> LockNextDueAsync(DateTimeOffset now, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken);
}
