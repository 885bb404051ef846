using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

/// <summary>
/// What the authorization behavior needs to know about a workspace (does it exist, is it deleted or suspended, does it
/// require two-factor authentication) and about the signed-in caller (verified email, two-factor on), with the
/// workspace's row read by the same statement (<see cref="AuthorizedWorkspace"/>).
/// </summary>
public sealed record WorkspaceAccess(bool IsDeleted, Role? MemberRole, bool IsSuspended = false, bool RequiresMfa = false,
    bool UserEmailVerified = false, bool UserHasMfa = false, AuthorizedWorkspace? Workspace = null);

public interface IWorkspaceAccessReader
{
    /// <summary>Null when the workspace does not exist; <see cref="WorkspaceAccess.MemberRole"/> is null for a non-member.</summary>
    Task<WorkspaceAccess?> GetAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken);
}
