using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Exports.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Exports.Commands.RequestExport;

/// <summary>Queues an export of the workspace's data; the background worker builds the archive.</summary>
[RequiresPermission(Permission.DataExport)]
public sealed record RequestExport(Guid WorkspaceId) : ICommand<ExportDto>, IWorkspaceRequest;

internal sealed class RequestExportHandler(
    RequestContext context,
    IRepository<Export> exports,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RequestExport, ExportDto>
{
    public async Task<ExportDto> Handle(RequestExport request, CancellationToken cancellationToken)
    {
        if (await exports.AnyAsync(new ActiveExportSpec(request.WorkspaceId), cancellationToken))
            throw InProgress();

        var export = Export.Request(request.WorkspaceId, context.Principal.ActorId, clock.GetUtcNow());
        exports.Add(export);
        auditLog.Record(AuditActions.ExportRequested, request.WorkspaceId, "export", export.Id.ToString());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // A concurrent request won the one-active-export-per-workspace index.
            throw InProgress();
        }
        return new ExportDto(export.Id, export.Status, export.CreatedAt, null, null, null, null, null);
    }

    private static ConflictException InProgress() =>
        new("export.in_progress", "An export of this workspace is already queued or running; wait for it to finish.");
}
