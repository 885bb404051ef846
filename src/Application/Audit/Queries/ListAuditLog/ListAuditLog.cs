using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Audit.Queries.ListAuditLog;

[RequiresPermission(Permission.AuditLogRead)]
public sealed record ListAuditLog(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null, string? Action = null)
    : IQuery<CursorPage<AuditEntryDto>>, IWorkspaceRequest;

internal sealed class ListAuditLogHandler(IRepository<AuditEntry> entries)
    : IRequestHandler<ListAuditLog, CursorPage<AuditEntryDto>>
{
    public async Task<CursorPage<AuditEntryDto>> Handle(ListAuditLog request, CancellationToken cancellationToken)
    {
        var rows = await entries.ListAsync(new Spec(request), cancellationToken);
        return Cursor.Page(rows, request.Limit, e => e.Id);
    }

    /// <summary>Audit entries are a global table (some have no workspace), so the workspace is an explicit criterion.</summary>
    private sealed class Spec : Specification<AuditEntry, AuditEntryDto>
    {
        public Spec(ListAuditLog request)
        {
            Query.Where(e => e.WorkspaceId == request.WorkspaceId);
            if (!string.IsNullOrEmpty(request.Action))
                Query.Where(e => e.Action == request.Action);
            if (Cursor.Decode(request.Cursor) is { } before)
                Query.Where(e => e.Id.CompareTo(before) < 0);
            Query.OrderByDescending(e => e.Id);
            Query.Take(request.Limit + 1);
            Query.Select(e => new AuditEntryDto(e.Id, e.Action, e.ActorType, e.ActorId, e.TargetType, e.TargetId, e.IpAddress,
                e.CreatedAt, e.Details));
        }
    }
}
