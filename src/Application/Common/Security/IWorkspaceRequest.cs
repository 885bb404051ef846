namespace IaGenify.Application.Common.Security;

/// <summary>
/// Access policy: the caller must belong to <see cref="WorkspaceId"/> with a role granting the permission named by
/// <see cref="RequiresPermissionAttribute"/>. Non-members get 404; members without the permission get 403.
/// </summary>
public interface IWorkspaceRequest
{
    Guid WorkspaceId { get; }
}
