using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>The membership and state check of every workspace request: one compiled query, one round trip.</summary>
internal sealed class WorkspaceAccessReader(AppDbContext db) : IWorkspaceAccessReader
{
    private static readonly string[] TenantFilterOnly = [AppDbContext.TenantFilter];

    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<WorkspaceAccess?>> Query =
        EF.CompileAsyncQuery((AppDbContext context, Guid workspaceId, Guid userId, CancellationToken _) =>
            context.Workspaces
                .IgnoreQueryFilters(TenantFilterOnly)
                .Where(w => w.Id == workspaceId)
                .Select(w => new WorkspaceAccess(
                    w.DeletedAt != null,
                    w.Members.Where(m => m.UserId == userId).Select(m => (Role?)m.Role).FirstOrDefault(),
                    w.SuspendedAt != null,
                    w.RequireMfa,
                    context.Users.Any(u => u.Id == userId && u.EmailVerifiedAt != null),
                    context.Users.Any(u => u.Id == userId && u.TotpEnabledAt != null)))
                .FirstOrDefault());

    public async Task<WorkspaceAccess?> GetAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken)
    {
        // Opened here, the connection stays with the scope: the handler's queries that follow reuse it instead of
        // renting one from the pool per query. It returns to the pool when the scope ends.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await Query(db, workspaceId, userId ?? Guid.Empty, cancellationToken);
    }
}
