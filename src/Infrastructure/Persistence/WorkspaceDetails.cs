using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// <see cref="IWorkspaceDetails"/> as a compiled query: EF Core neither rebuilds nor looks up the query's expression
/// tree per call. It runs after the membership check, on the connection that check opened.
/// </summary>
internal sealed class WorkspaceDetails(AppDbContext db) : IWorkspaceDetails
{
    private static readonly Func<AppDbContext, Guid, Role, CancellationToken, Task<WorkspaceDto?>> Query =
        EF.CompileAsyncQuery((AppDbContext context, Guid workspaceId, Role role, CancellationToken _) =>
            context.Workspaces
                .Where(w => w.Id == workspaceId)
                .Select(w => new WorkspaceDto(w.Id, w.Name, role, w.CreatedAt, w.DeletedAt, w.PurgeAfter, w.RequireMfa))
                .FirstOrDefault());

    public Task<WorkspaceDto?> GetAsync(Guid workspaceId, Role callerRole, CancellationToken cancellationToken) =>
        Query(db, workspaceId, callerRole, cancellationToken);
}
