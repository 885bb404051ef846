using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Queries.GetMe;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces;

internal sealed class UserWorkspaces(IRepository<Workspace> workspaces) : IUserWorkspaces
{
    public async Task<IReadOnlyList<MyWorkspaceDto>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        await workspaces.ListAsync(new MyWorkspacesSpec(userId), cancellationToken);

    /// <summary>The user's own memberships scope the read, so the tenant filter is lifted.</summary>
    private sealed class MyWorkspacesSpec : Specification<Workspace, MyWorkspaceDto>
    {
        public MyWorkspacesSpec(Guid userId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(w => w.DeletedAt == null && w.Members.Any(m => m.UserId == userId));
            Query.OrderBy(w => w.Name);
            Query.Select(w => new MyWorkspaceDto(w.Id, w.Name, w.Members.First(m => m.UserId == userId).Role));
        }
    }
}
