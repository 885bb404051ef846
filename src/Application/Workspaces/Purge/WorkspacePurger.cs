using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Workspaces.Purge;

/// <summary>
/// Hard-deletes workspaces whose restore window has passed. Each workspace goes in its own scope and transaction:
/// lock the row, let the participants keep what must be kept, delete the stored objects under the workspace's
/// prefix, record <c>workspace.purged</c> (ids and dates only) and delete the row. Called by the background sweep
/// and by the CLI (<c>workspaces purge-expired</c>).
/// </summary>
public sealed class WorkspacePurger(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WorkspacePurgeOptions> options,
    ILogger<WorkspacePurger> logger)
{
    public async Task<WorkspacePurgeResult> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var failed = new List<Guid>();
        var purged = 0;
        while (purged + failed.Count < options.Value.BatchSize)
        {
            var outcome = await PurgeNextAsync(failed, cancellationToken);
            if (outcome is null)
                break;
            if (outcome.Value.Purged)
                purged++;
            else
                failed.Add(outcome.Value.WorkspaceId);
        }
        return new WorkspacePurgeResult(purged, failed.Count);
    }

    private async Task<(Guid WorkspaceId, bool Purged)?> PurgeNextAsync(IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<RequestContext>();
        var now = clock.GetUtcNow();

        await using var due = await services.GetRequiredService<IWorkspacePurgeStore>().LockNextDueAsync(now, skip, cancellationToken);
        if (due is null)
            return null;
        var workspaceId = due.WorkspaceId;
        try
        {
            // Participants read and change the workspace's rows through the tenant filter, like any request.
            context.EnterWorkspace(workspaceId, Role.Owner);
            foreach (var participant in services.GetServices<IWorkspacePurgeParticipant>())
                await participant.BeforePurgeAsync(workspaceId, cancellationToken);

            // Objects go first: if the commit then fails, the next sweep finds the row again and finishes.
            var objects = await services.GetRequiredService<IObjectStorage>()
                .DeletePrefixAsync(ObjectKeys.WorkspacePrefix(workspaceId), cancellationToken);
            services.GetRequiredService<IAuditLog>().Record(AuditActions.WorkspacePurged, workspaceId, "workspace",
                workspaceId.ToString(), new Dictionary<string, string>
                {
                    ["deletedAt"] = due.DeletedAt.ToString("O"),
                    ["objectsDeleted"] = objects.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            await due.CompleteAsync(cancellationToken);
            logger.LogInformation("Workspace {WorkspaceId} purged ({ObjectCount} stored objects deleted)", workspaceId, objects);
            return (workspaceId, true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Purging workspace {WorkspaceId} failed with {ExceptionType}; the next sweep retries it",
                workspaceId, ex.GetType().Name);
            return (workspaceId, false);
        }
    }
}
