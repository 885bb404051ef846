using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Ports;

/// <summary>
/// A workspace as its member sees it, read by id: the hottest read of the API (every client opens a workspace first),
/// so the implementation is one compiled query with no per-call expression work.
/// </summary>
public interface IWorkspaceDetails
{
    Task<WorkspaceDto?> GetAsync(Guid workspaceId, Role callerRole, CancellationToken cancellationToken);
}
