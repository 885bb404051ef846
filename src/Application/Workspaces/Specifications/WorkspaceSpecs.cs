using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

/// <summary>A workspace with its members, tracked, for commands that change it.</summary>
public sealed class WorkspaceWithMembersSpec : Specification<Workspace>
{
    public WorkspaceWithMembersSpec(Guid workspaceId, bool acrossTenants = false)
    {
        Where(w => w.Id == workspaceId);
        Include(w => w.Members);
        if (acrossTenants)
            IgnoreTenantFilter();
    }
}

public sealed class WorkspaceByIdSpec : Specification<Workspace>
{
    public WorkspaceByIdSpec(Guid workspaceId) => Where(w => w.Id == workspaceId);
}

/// <summary>The workspaces a user belongs to, newest first, with the user's role in each.</summary>
public sealed class WorkspacesOfUserSpec : Specification<Workspace, WorkspaceDto>
{
    public WorkspacesOfUserSpec(Guid userId, bool includeDeleted, Guid? before, int take)
    {
        // Scoped by the user's own memberships rather than by one tenant.
        IgnoreTenantFilter();
        Where(w => w.Members.Any(m => m.UserId == userId));
        if (!includeDeleted)
            Where(w => w.DeletedAt == null);
        if (before is { } cursor)
            Where(w => w.Id.CompareTo(cursor) < 0);
        OrderByDescending(w => w.Id);
        Limit(take);
        Select(w => new WorkspaceDto(w.Id, w.Name, w.Members.First(m => m.UserId == userId).Role, w.CreatedAt, w.DeletedAt, w.PurgeAfter, w.RequireMfa));
    }
}
