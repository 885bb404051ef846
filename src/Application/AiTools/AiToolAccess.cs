using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.AiTools;

/// <summary>
/// The tools a caller may see in a workspace: those its role there permits. A caller outside the workspace (another
/// tenant, a key of another workspace, a deleted workspace) sees none.
/// </summary>
public sealed class AiToolAccess(AiToolRegistry registry, IWorkspaceAccessReader accessReader)
{
    public async Task<IReadOnlyList<AiToolDefinition>> VisibleToAsync(Principal principal, Guid workspaceId, CancellationToken cancellationToken)
    {
        var role = await RoleOfAsync(principal, workspaceId, cancellationToken);
        return role is { } granted ? registry.AllowedFor(granted) : [];
    }

    public async Task<Role?> RoleOfAsync(Principal principal, Guid workspaceId, CancellationToken cancellationToken)
    {
        switch (principal.Kind)
        {
            case PrincipalKind.ApiKey:
                if (principal.ApiKeyWorkspaceId != workspaceId || principal.ApiKeyAllowance is { ApiAccess: false })
                    return null;
                var keyAccess = await accessReader.GetAsync(workspaceId, null, cancellationToken);
                return keyAccess is { IsDeleted: false } ? principal.ApiKeyRole : null;
            case PrincipalKind.User:
                var access = await accessReader.GetAsync(workspaceId, principal.UserId, cancellationToken);
                return access is { IsDeleted: false } ? access.MemberRole : null;
            default:
                return null;
        }
    }
}
