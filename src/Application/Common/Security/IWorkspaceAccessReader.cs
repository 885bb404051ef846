using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

/// <summary>What the authorization behavior needs to know about a workspace: does it exist, is it deleted or suspended.</summary>
public sealed record WorkspaceAccess(bool IsDeleted, Role? MemberRole, bool IsSuspended = false);

public interface IWorkspaceAccessReader
{
    /// <summary>Null when the workspace does not exist; <see cref="WorkspaceAccess.MemberRole"/> is null for a non-member.</summary>
    Task<WorkspaceAccess?> GetAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken);
}
