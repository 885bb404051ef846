using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

/// <summary>A workspace with its members, tracked, for commands that change it.</summary>
public sealed class WorkspaceWithMembersSpec : Specification<Workspace>
{
    public WorkspaceWithMembersSpec(Guid workspaceId, bool acrossTenants = false)
    {
        Query.Where(w => w.Id == workspaceId);
        Query.Include(w => w.Members);
        if (acrossTenants)
            Query.IgnoreTenantFilter();
    }
}

public sealed class WorkspaceByIdSpec : Specification<Workspace>
{
    public WorkspaceByIdSpec(Guid workspaceId) => Query.Where(w => w.Id == workspaceId);
}

/// <summary>The workspaces a user belongs to, newest first, with the user's role in each.</summary>
public sealed class WorkspacesOfUserSpec : Specification<Workspace, WorkspaceDto>
{
    public WorkspacesOfUserSpec(Guid userId, bool includeDeleted, Guid? before, int take)
    {
        // Scoped by the user's own memberships rather than by one tenant.
        Query.IgnoreTenantFilter();
        Query.Where(w => w.Members.Any(m => m.UserId == userId));
        if (!includeDeleted)
            Query.Where(w => w.DeletedAt == null);
        if (before is { } cursor)
            Query.Where(w => w.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(w => w.Id);
        Query.Take(take);
        Query.Select(w => new WorkspaceDto(w.Id, w.Name, w.Members.First(m => m.UserId == userId).Role, w.CreatedAt, w.DeletedAt, w.PurgeAfter, w.RequireMfa));
    }
}
