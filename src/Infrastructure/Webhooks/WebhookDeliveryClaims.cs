using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Claims due deliveries for one dispatcher: rows are picked with <c>FOR UPDATE SKIP LOCKED</c> and stamped with a
/// lease (id + expiry) in one autocommitted statement, so no transaction stays open while the HTTP calls run. Another
/// replica skips leased rows until the lease expires, which is how a delivery whose dispatcher died is taken over.
/// Deliveries of disabled endpoints and deleted workspaces wait.
/// </summary>
internal sealed class WebhookDeliveryClaims(IServiceScopeFactory scopes)
{
    public async Task<List<Guid>> ClaimAsync(Guid leaseId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE webhook_deliveries AS d
            SET lease_id = {leaseId}, lease_expires_at = {leaseUntil}
            WHERE d.id IN (
                SELECT c.id
                FROM webhook_deliveries AS c
                JOIN webhook_endpoints AS e ON e.id = c.endpoint_id
                JOIN workspaces AS w ON w.id = c.workspace_id
                WHERE c.status = 'Pending' AND c.next_attempt_at <= {now}
                  AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= {now})
                  AND e.enabled AND w.deleted_at IS NULL
                ORDER BY c.next_attempt_at
                LIMIT {limit}
                FOR UPDATE OF c SKIP LOCKED)
            RETURNING d.id AS "Value"
            """).ToListAsync(cancellationToken);
    }
}
