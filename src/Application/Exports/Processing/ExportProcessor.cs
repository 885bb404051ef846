using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Exports.Ports;
using IaGenify.Application.Exports.Specifications;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Exports.Processing;

/// <summary>
/// Builds queued exports and deletes expired archives. Each export runs in a scope of its own, entered into the
/// export's workspace as the system principal, so the contributors read through the tenant filter. The background
/// worker and the CLI (<c>exports run</c>) both call <see cref="RunOnceAsync"/>; replicas share the queue safely.
/// </summary>
public sealed class ExportProcessor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ExportOptions> options,
    ILogger<ExportProcessor> logger)
{
    public const string ArchiveContentType = "application/zip";

    public async Task<ExportRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        int succeeded = 0, failed = 0;
        for (var i = 0; i < options.Value.BatchSize; i++)
        {
            var outcome = await ProcessNextAsync(cancellationToken);
            if (outcome is null)
                break;
            if (outcome == ExportStatus.Succeeded)
                succeeded++;
            else if (outcome == ExportStatus.Failed)
                failed++;
        }
        var expired = await SweepExpiredAsync(cancellationToken);
        return new ExportRunResult(succeeded, failed, expired);
    }

    /// <summary>Claims and builds one export; null when the queue is empty.</summary>
    private async Task<ExportStatus?> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<RequestContext>();
        var settings = options.Value;

        var claimed = await services.GetRequiredService<IExportQueue>().ClaimNextAsync(clock.GetUtcNow(), settings.Lease, cancellationToken);
        if (claimed is null)
            return null;
        context.EnterWorkspace(claimed.WorkspaceId, Role.Owner);
        var export = await services.GetRequiredService<IRepository<Export>>()
            .FirstOrDefaultAsync(new ExportByIdSpec(claimed.WorkspaceId, claimed.Id), cancellationToken)
            ?? throw new InvalidOperationException($"Claimed export {claimed.Id} is gone.");

        if (claimed.Attempts > settings.MaxAttempts)
        {
            logger.LogWarning("Export {ExportId} of workspace {WorkspaceId} gave up after {Attempts} attempts",
                export.Id, export.WorkspaceId, claimed.Attempts - 1);
            export.Fail("attempts_exhausted", clock.GetUtcNow());
        }
        else
        {
            try
            {
                var (key, size) = await BuildAsync(services, export, cancellationToken);
                export.Succeed(key, size, clock.GetUtcNow(), settings.Retention);
                logger.LogInformation("Export {ExportId} of workspace {WorkspaceId} succeeded ({SizeBytes} bytes)",
                    export.Id, export.WorkspaceId, size);
            }
            catch (ExportStepFailed failure)
            {
                // The exception's message may quote data being exported, so only its type is logged.
                logger.LogError("Export {ExportId} of workspace {WorkspaceId} failed with {ErrorCode} ({ExceptionType})",
                    export.Id, export.WorkspaceId, failure.Code, failure.InnerException!.GetType().Name);
                export.Fail(failure.Code, clock.GetUtcNow());
            }
        }

        try
        {
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The lease ran out and another worker took the export over; its outcome is the one that counts.
            logger.LogWarning("Export {ExportId} was taken over by another worker", export.Id);
            return ExportStatus.Running;
        }
        return export.Status;
    }

    private async Task<(string Key, long Size)> BuildAsync(IServiceProvider services, Export export, CancellationToken cancellationToken)
    {
        var contributors = services.GetServices<IExportContributor>().ToList();
        var duplicate = contributors.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two export contributors are named '{duplicate.Key}'.");

        await using var archive = services.GetRequiredService<IExportArchiveFactory>().Create();
        foreach (var contributor in contributors)
        {
            try
            {
                await contributor.WriteAsync(export.WorkspaceId, archive.Writer, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ExportStepFailed($"part_failed:{contributor.Name}", ex);
            }
        }
        var files = archive.Writer.Paths.Order(StringComparer.Ordinal).ToList();
        await archive.Writer.WriteJsonAsync("manifest.json", new ExportManifest(ExportManifest.CurrentFormatVersion, export.Id,
            export.WorkspaceId, export.CreatedAt, clock.GetUtcNow(), contributors.Select(c => c.Name).ToList(), files), cancellationToken);

        var content = await archive.CompleteAsync(cancellationToken);
        var size = content.Length;
        var key = ObjectKeys.ForWorkspace(export.WorkspaceId, "exports", $"{export.Id:D}.zip");
        try
        {
            await services.GetRequiredService<IObjectStorage>().PutAsync(key, content, ArchiveContentType, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExportStepFailed("storage_failed", ex);
        }
        return (key, size);
    }

    /// <summary>Deletes archives past their retention, in every workspace.</summary>
    private async Task<int> SweepExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var storage = services.GetRequiredService<IObjectStorage>();
        var expired = await services.GetRequiredService<IRepository<Export>>()
            .ListAsync(new ExpiredArchivesSpec(clock.GetUtcNow(), 100), cancellationToken);
        foreach (var export in expired)
        {
            await storage.DeleteAsync(export.ObjectKey!, cancellationToken);
            export.Expire();
        }
        if (expired.Count == 0)
            return 0;
        try
        {
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another replica swept the same archives at the same moment.
            return 0;
        }
        return expired.Count;
    }

    /// <summary>A step of the build failed; <see cref="Code"/> is what the export records.</summary>
    private sealed class ExportStepFailed(string code, Exception inner) : Exception(code, inner)
    {
        public string Code { get; } = code;
    }
}
