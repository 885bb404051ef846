using Ardalis.Specification;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits.Specifications;

public sealed class CreditAccountSpec : Specification<CreditAccount>
{
    public CreditAccountSpec(Guid workspaceId)
    {
        Query.Where(a => a.WorkspaceId == workspaceId);
        Query.AsNoTracking();
    }
}

/// <summary>Grants with credits left, in burn-down order.</summary>
public sealed class OpenGrantsSpec : Specification<CreditGrant, CreditGrantDto>
{
    public OpenGrantsSpec(Guid workspaceId)
    {
        Query.Where(g => g.WorkspaceId == workspaceId && g.Remaining > 0);
        Query.OrderBy(g => g.Priority)
            .ThenBy(g => g.ExpiresAt == null)
            .ThenBy(g => g.ExpiresAt)
            .ThenBy(g => g.CreatedAt);
    }
}

public sealed class PendingHoldsSpec : Specification<CreditHold, CreditHoldDto>
{
    public PendingHoldsSpec(Guid workspaceId)
    {
        Query.Where(h => h.WorkspaceId == workspaceId && h.Status == HoldStatus.Pending);
        Query.OrderBy(h => h.CreatedAt);
    }
}

public sealed class CreditEntriesPageSpec : Specification<CreditEntry, CreditEntryDto>
{
    public CreditEntriesPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Query.Where(e => e.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Query.Where(e => e.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(e => e.Id);
        Query.Take(take);
    }
}
