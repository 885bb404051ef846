using IaGenify.Application.Billing;
using IaGenify.Application.Billing.Ports;
using IaGenify.Domain.Billing;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Billing;

/// <summary><c>SELECT … FOR UPDATE</c> on the workspace's billing row, inserted on first use, in the unit of work's transaction.</summary>
internal sealed class BillingAccountLock(AppDbContext db, PlanCatalog catalog, TimeProvider clock) : IBillingAccountLock
{
    private static readonly string[] TenantFilter = [AppDbContext.TenantFilter];

    public async Task<BillingAccount> LockAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var locked = await Locked(workspaceId).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            var opened = BillingAccount.Open(workspaceId, catalog.Free.Code, clock.GetUtcNow());
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO billing_accounts (id, workspace_id, plan_code, status, cancel_at_period_end, created_at, updated_at)
                VALUES ({opened.Id}, {workspaceId}, {opened.PlanCode}, {opened.Status.ToString()}, FALSE, {opened.CreatedAt}, {opened.UpdatedAt})
                ON CONFLICT (workspace_id) DO NOTHING
                """, cancellationToken);
            locked = await Locked(workspaceId).ToListAsync(cancellationToken);
        }
        return locked.Single();
    }

    private IQueryable<BillingAccount> Locked(Guid workspaceId) =>
        db.Set<BillingAccount>().FromSqlInterpolated($"SELECT * FROM billing_accounts WHERE workspace_id = {workspaceId} FOR UPDATE")
            .IgnoreQueryFilters(TenantFilter);
}
