namespace IaGenify.Application.Exports.Ports;

public sealed record ClaimedExport(Guid Id, Guid WorkspaceId, int Attempts);

/// <summary>
/// The queue of exports to build, shared by every replica. A claim takes the oldest queued export (or a running
/// one whose lease has run out) without waiting for rows other workers hold (<c>FOR UPDATE SKIP LOCKED</c>), marks
/// it running under a new lease and counts the attempt, in one statement.
/// </summary>
public interface IExportQueue
{
    Task<ClaimedExport?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);
}
