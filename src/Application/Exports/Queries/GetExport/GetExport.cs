using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Exports.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Exports.Queries.GetExport;

[RequiresPermission(Permission.DataExport)]
public sealed record GetExport(Guid WorkspaceId, Guid ExportId) : IQuery<ExportDto>, IWorkspaceRequest;

internal sealed class GetExportHandler(IRepository<Export> exports) : IRequestHandler<GetExport, ExportDto>
{
    public async Task<ExportDto> Handle(GetExport request, CancellationToken cancellationToken) =>
        await exports.FirstOrNotFoundAsync(new ExportDtoByIdSpec(request.WorkspaceId, request.ExportId), "Export", cancellationToken);
}
