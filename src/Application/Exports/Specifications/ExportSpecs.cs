using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Exports;

namespace IaGenify.Application.Exports.Specifications;

/// <summary>An export of the current workspace, tracked, for changing it.</summary>
public sealed class ExportByIdSpec : Specification<Export>
{
    public ExportByIdSpec(Guid workspaceId, Guid exportId) => Query.Where(e => e.WorkspaceId == workspaceId && e.Id == exportId);
}

public sealed class ExportDtoByIdSpec : Specification<Export, ExportDto>
{
    public ExportDtoByIdSpec(Guid workspaceId, Guid exportId)
    {
        Query.Where(e => e.WorkspaceId == workspaceId && e.Id == exportId);
        Query.Select(ExportProjection.ToDto);
    }
}

public sealed class ExportsPageSpec : Specification<Export, ExportDto>
{
    public ExportsPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Query.Where(e => e.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Query.Where(e => e.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(e => e.Id);
        Query.Take(take);
        Query.Select(ExportProjection.ToDto);
    }
}

/// <summary>A queued or running export of the workspace: only one at a time.</summary>
public sealed class ActiveExportSpec : Specification<Export>
{
    public ActiveExportSpec(Guid workspaceId) =>
        Query.Where(e => e.WorkspaceId == workspaceId && (e.Status == ExportStatus.Queued || e.Status == ExportStatus.Running));
}

/// <summary>Finished archives past their retention, in every workspace (the sweep runs outside any tenant).</summary>
public sealed class ExpiredArchivesSpec : Specification<Export>
{
    public ExpiredArchivesSpec(DateTimeOffset now, int take)
    {
        Query.IgnoreTenantFilter();
        Query.Where(e => e.Status == ExportStatus.Succeeded && e.ExpiresAt <= now);
        Query.OrderBy(e => e.ExpiresAt);
        Query.Take(take);
    }
}

internal static class ExportProjection
{
    public static readonly System.Linq.Expressions.Expression<Func<Export, ExportDto>> ToDto = e =>
        new ExportDto(e.Id, e.Status, e.CreatedAt, e.StartedAt, e.CompletedAt, e.SizeBytes, e.ExpiresAt, e.Error);
}
