using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Exports.Specifications;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Exports.Queries.ListExports;

/// <summary>The workspace's exports, newest first.</summary>
[RequiresPermission(Permission.DataExport)]
public sealed record ListExports(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<ExportDto>>, IWorkspaceRequest;

internal sealed class ListExportsHandler(IRepository<Export> exports) : IRequestHandler<ListExports, CursorPage<ExportDto>>
{
    public async Task<CursorPage<ExportDto>> Handle(ListExports request, CancellationToken cancellationToken)
    {
        var rows = await exports.ListAsync(
            new ExportsPageSpec(request.WorkspaceId, Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, e => e.Id);
    }
}
