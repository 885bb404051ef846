using IaGenify.Domain.Common;

namespace IaGenify.Domain.Workspaces;

/// <summary>Who may hand out which role: Admins manage Members and Viewers; only Owners manage Admins and Owners.</summary>
public static class MembershipRules
{
    public static void EnsureCanAssign(Role actorRole, Role role)
    {
        if (!actorRole.Grants(Permission.MembersManage))
            throw new PermissionDeniedException("member.manage_denied", "Your role cannot manage members.");
        if (role >= Role.Admin && !actorRole.Grants(Permission.OwnershipManage))
            throw new PermissionDeniedException("member.owner_required", "Only an owner can grant or change the Admin and Owner roles.");
    }
}
