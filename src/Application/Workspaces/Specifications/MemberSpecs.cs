using Ardalis.Specification;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

/// <summary>Members of the current workspace (tenant filter), projected with Mapster, ordered by user id.</summary>
public sealed class MembersPageSpec : Specification<Membership, MemberDto>
{
    public MembersPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Query.Where(m => m.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Query.Where(m => m.UserId.CompareTo(cursor) < 0);
        Query.OrderByDescending(m => m.UserId);
        Query.Take(take);
    }
}

public sealed class MemberByUserSpec : Specification<Membership, MemberDto>
{
    public MemberByUserSpec(Guid workspaceId, Guid userId) => Query.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId);
}
