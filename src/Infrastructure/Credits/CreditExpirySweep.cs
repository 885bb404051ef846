using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Credits;

/// <summary>
/// Finds workspaces with expired grants or holds past their time to live and settles each in its own transaction.
/// Safe on several replicas at once: the account lock serialises them and a settled workspace is not due any more.
/// </summary>
public sealed class CreditExpirySweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CreditExpirySweep> logger)
{
    private const int BatchSize = 500;

    /// <returns>How many workspaces were settled.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.SqlQuery<Guid>(
                $"""
                SELECT workspace_id AS "Value" FROM credit_grants
                WHERE expired_at IS NULL AND expires_at <= {now} AND remaining > 0
                UNION
                SELECT workspace_id FROM credit_holds WHERE status = 'Pending' AND expires_at <= {now}
                LIMIT {BatchSize}
                """).ToListAsync(cancellationToken);
        }

        var settled = 0;
        foreach (var workspaceId in due)
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                await scope.ServiceProvider.GetRequiredService<ICreditLedger>().ExpireDueAsync(workspaceId, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
                settled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Credit expiry failed for workspace {WorkspaceId}", workspaceId);
            }
        }
        return settled;
    }
}
