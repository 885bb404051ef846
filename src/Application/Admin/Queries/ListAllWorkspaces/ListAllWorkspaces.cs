using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Admin.Queries.ListAllWorkspaces;

/// <summary>Support view: every workspace, newest first, optionally searched by name.</summary>
public sealed record ListAllWorkspaces(string? Search = null, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<AdminWorkspaceDto>>, IPlatformAdminRequest;

internal sealed class ListAllWorkspacesHandler(IRepository<Workspace> workspaces)
    : IRequestHandler<ListAllWorkspaces, CursorPage<AdminWorkspaceDto>>
{
    public async Task<CursorPage<AdminWorkspaceDto>> Handle(ListAllWorkspaces request, CancellationToken cancellationToken)
    {
        var rows = await workspaces.ListAsync(new Spec(request), cancellationToken);
        return Cursor.Page(rows, request.Limit, w => w.Id);
    }

    private sealed class Spec : Specification<Workspace, AdminWorkspaceDto>
    {
        public Spec(ListAllWorkspaces request)
        {
            Query.IgnoreTenantFilter();
            if (!string.IsNullOrWhiteSpace(request.Search))
            {
                var term = request.Search.Trim().ToLowerInvariant();
                Query.Where(w => w.Name.ToLower().Contains(term));
            }
            if (Cursor.Decode(request.Cursor) is { } before)
                Query.Where(w => w.Id.CompareTo(before) < 0);
            Query.OrderByDescending(w => w.Id);
            Query.Take(request.Limit + 1);
            // The member count is projected from the members collection (AdminMappings), which EF loads as one.
            Query.AsSplitQuery();
        }
    }
}
