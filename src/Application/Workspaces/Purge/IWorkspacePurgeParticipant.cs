namespace IaGenify.Application.Workspaces.Purge;

/// <summary>
/// A module's say in purging a workspace. Called inside the purge transaction, after the workspace row is locked
/// and before it is deleted (its tenant rows then go by cascade). A module that must keep records (the credit
/// ledger keeps financial entries, anonymized) moves or detaches them here, on the scope's unit of work; throwing
/// rolls the whole purge back and it is retried on the next sweep. Register with
/// <c>services.AddWorkspacePurgeParticipant&lt;T&gt;()</c>.
/// </summary>
public interface IWorkspacePurgeParticipant
{
    Task BeforePurgeAsync(Guid workspaceId, CancellationToken cancellationToken);
}
