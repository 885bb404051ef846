using Ardalis.Specification;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Specifications;

public sealed class GenerationByIdSpec : Specification<Generation>
{
    public GenerationByIdSpec(Guid generationId, bool tracking = false)
    {
        Query.Where(g => g.Id == generationId);
        if (!tracking)
            Query.AsNoTracking();
    }
}

public sealed class GenerationByIdempotencyKeySpec : Specification<Generation>
{
    public GenerationByIdempotencyKeySpec(Guid workspaceId, string idempotencyKey)
    {
        Query.Where(g => g.WorkspaceId == workspaceId && g.IdempotencyKey == idempotencyKey);
        Query.AsNoTracking();
    }
}

public sealed class GenerationsPageSpec : Specification<Generation, GenerationSummaryDto>
{
    public GenerationsPageSpec(Guid? before, int take, GenerationKind? kind, GenerationStatus? status)
    {
        if (before is { } cursor)
            Query.Where(g => g.Id.CompareTo(cursor) < 0);
        if (kind is { } k)
            Query.Where(g => g.Kind == k);
        if (status is { } s)
            Query.Where(g => g.Status == s);
        Query.OrderByDescending(g => g.Id);
        Query.Take(take);
        Query.Select(g => new GenerationSummaryDto(g.Id, g.Kind, g.Status, g.Attempts, g.ErrorCode, g.Price, g.CreatedAt, g.CompletedAt));
    }
}

public sealed class WorkspaceModelSettingsSpec : Specification<WorkspaceModelSettings>
{
    public WorkspaceModelSettingsSpec(Guid workspaceId, bool tracking = false)
    {
        Query.Where(s => s.WorkspaceId == workspaceId);
        if (!tracking)
            Query.AsNoTracking();
    }
}
