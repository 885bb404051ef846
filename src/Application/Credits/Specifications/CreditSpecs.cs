using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits.Specifications;

public sealed class CreditAccountSpec : Specification<CreditAccount>
{
    public CreditAccountSpec(Guid workspaceId)
    {
        Where(a => a.WorkspaceId == workspaceId);
        AsNoTracking();
    }
}

/// <summary>Grants with credits left, in burn-down order.</summary>
public sealed class OpenGrantsSpec : Specification<CreditGrant, CreditGrantDto>
{
    public OpenGrantsSpec(Guid workspaceId)
    {
        Where(g => g.WorkspaceId == workspaceId && g.Remaining > 0);
        OrderBy(g => g.Priority);
        OrderBy(g => g.ExpiresAt == null);
        OrderBy(g => g.ExpiresAt);
        OrderBy(g => g.CreatedAt);
    }
}

public sealed class PendingHoldsSpec : Specification<CreditHold, CreditHoldDto>
{
    public PendingHoldsSpec(Guid workspaceId)
    {
        Where(h => h.WorkspaceId == workspaceId && h.Status == HoldStatus.Pending);
        OrderBy(h => h.CreatedAt);
    }
}

public sealed class CreditEntriesPageSpec : Specification<CreditEntry, CreditEntryDto>
{
    public CreditEntriesPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Where(e => e.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Where(e => e.Id.CompareTo(cursor) < 0);
        OrderByDescending(e => e.Id);
        Limit(take);
    }
}
