using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>Analytics tables have no foreign key to workspaces (the events table is partitioned), so a purge deletes them here.</summary>
internal sealed class AnalyticsPurgeParticipant(AppDbContext db) : IWorkspacePurgeParticipant
{
    public async Task BeforePurgeAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_events WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_visitor_days WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_page_visitor_days WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_site_hours WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_site_days WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM analytics_dimension_days WHERE workspace_id = {workspaceId}", cancellationToken);
    }
}
