using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Exports.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Exports.Commands.DownloadExport;

/// <summary>
/// Opens a finished archive for download. A command because every download is audited: the archive holds the
/// workspace's personal data (members' emails).
/// </summary>
[RequiresPermission(Permission.DataExport)]
public sealed record DownloadExport(Guid WorkspaceId, Guid ExportId) : ICommand<ExportDownload>, IWorkspaceRequest;

internal sealed class DownloadExportHandler(
    IRepository<Export> exports,
    IObjectStorage storage,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<DownloadExport, ExportDownload>
{
    public async Task<ExportDownload> Handle(DownloadExport request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var export = await exports.FirstOrNotFoundAsync(new ExportByIdSpec(request.WorkspaceId, request.ExportId), "Export", cancellationToken);
        if (!export.IsDownloadable(now))
            throw export.NotDownloadable(now);

        var stored = await storage.OpenReadAsync(export.ObjectKey!, cancellationToken)
            ?? throw new BusinessRuleException("export.expired", "The export has expired; request a new one.");
        try
        {
            auditLog.Record(AuditActions.ExportDownloaded, request.WorkspaceId, "export", export.Id.ToString());
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await stored.DisposeAsync();
            throw;
        }
        return new ExportDownload(stored.Content, stored.Length,
            $"iagenify-export-{request.WorkspaceId:N}-{export.CompletedAt:yyyyMMdd-HHmmss}.zip");
    }
}
