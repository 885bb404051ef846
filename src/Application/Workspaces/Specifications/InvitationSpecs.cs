using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

public sealed class InvitationByIdSpec : Specification<Invitation>
{
    public InvitationByIdSpec(Guid workspaceId, Guid invitationId) =>
        Query.Where(i => i.WorkspaceId == workspaceId && i.Id == invitationId);
}

/// <summary>Looks an invitation up by its token hash, whatever the workspace: the secret token is the scope.</summary>
public sealed class InvitationByTokenSpec : Specification<Invitation>
{
    public InvitationByTokenSpec(string tokenHash)
    {
        Query.IgnoreTenantFilter();
        Query.Where(i => i.TokenHash == tokenHash);
    }
}

public sealed class PendingInvitationForEmailSpec : Specification<Invitation>
{
    public PendingInvitationForEmailSpec(Guid workspaceId, string email, DateTimeOffset now) =>
        Query.Where(i => i.WorkspaceId == workspaceId && i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
}

public sealed class InvitationsPageSpec : Specification<Invitation>
{
    public InvitationsPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Query.Where(i => i.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Query.Where(i => i.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(i => i.Id);
        Query.Take(take);
        Query.AsNoTracking();
    }
}
