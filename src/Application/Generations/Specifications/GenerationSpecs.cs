using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Specifications;

public sealed class GenerationByIdSpec : Specification<Generation>
{
    public GenerationByIdSpec(Guid generationId, bool tracking = false)
    {
        Where(g => g.Id == generationId);
        if (!tracking)
            AsNoTracking();
    }
}

public sealed class GenerationByIdempotencyKeySpec : Specification<Generation>
{
    public GenerationByIdempotencyKeySpec(Guid workspaceId, string idempotencyKey)
    {
        Where(g => g.WorkspaceId == workspaceId && g.IdempotencyKey == idempotencyKey);
        AsNoTracking();
    }
}

public sealed class GenerationsPageSpec : Specification<Generation, GenerationSummaryDto>
{
    public GenerationsPageSpec(Guid? before, int take, GenerationKind? kind, GenerationStatus? status)
    {
        if (before is { } cursor)
            Where(g => g.Id.CompareTo(cursor) < 0);
        if (kind is { } k)
            Where(g => g.Kind == k);
        if (status is { } s)
            Where(g => g.Status == s);
        OrderByDescending(g => g.Id);
        Limit(take);
        Select(g => new GenerationSummaryDto(g.Id, g.Kind, g.Status, g.Attempts, g.ErrorCode, g.Price, g.CreatedAt, g.CompletedAt));
    }
}

public sealed class WorkspaceModelSettingsSpec : Specification<WorkspaceModelSettings>
{
    public WorkspaceModelSettingsSpec(Guid workspaceId, bool tracking = false)
    {
        Where(s => s.WorkspaceId == workspaceId);
        if (!tracking)
            AsNoTracking();
    }
}
