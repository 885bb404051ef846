using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

/// <summary>Members of the current workspace (tenant filter), projected with Mapster, ordered by user id.</summary>
public sealed class MembersPageSpec : Specification<Membership, MemberDto>
{
    public MembersPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Where(m => m.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Where(m => m.UserId.CompareTo(cursor) < 0);
        OrderByDescending(m => m.UserId);
        Limit(take);
    }
}

public sealed class MemberByUserSpec : Specification<Membership, MemberDto>
{
    public MemberByUserSpec(Guid workspaceId, Guid userId) => Where(m => m.WorkspaceId == workspaceId && m.UserId == userId);
}
