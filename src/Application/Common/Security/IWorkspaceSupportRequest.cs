namespace IaGenify.Application.Common.Security;

/// <summary>
/// A platform-admin request about one workspace. Its audit entry is filed under that workspace, so the
/// workspace's own admins see in their audit log that support looked at or changed it, and the request is scoped to
/// that workspace (with owner rights), so the tenant filter applies to it as to the workspace's members.
/// </summary>
public interface IWorkspaceSupportRequest : IPlatformAdminRequest
{
    Guid WorkspaceId { get; }
}
