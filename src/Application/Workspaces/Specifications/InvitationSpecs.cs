using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

public sealed class InvitationByIdSpec : Specification<Invitation>
{
    public InvitationByIdSpec(Guid workspaceId, Guid invitationId) =>
        Where(i => i.WorkspaceId == workspaceId && i.Id == invitationId);
}

/// <summary>Looks an invitation up by its token hash, whatever the workspace: the secret token is the scope.</summary>
public sealed class InvitationByTokenSpec : Specification<Invitation>
{
    public InvitationByTokenSpec(string tokenHash)
    {
        IgnoreTenantFilter();
        Where(i => i.TokenHash == tokenHash);
    }
}

public sealed class PendingInvitationForEmailSpec : Specification<Invitation>
{
    public PendingInvitationForEmailSpec(Guid workspaceId, string email, DateTimeOffset now) =>
        Where(i => i.WorkspaceId == workspaceId && i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
}

public sealed class InvitationsPageSpec : Specification<Invitation>
{
    public InvitationsPageSpec(Guid workspaceId, Guid? before, int take)
    {
        Where(i => i.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Where(i => i.Id.CompareTo(cursor) < 0);
        OrderByDescending(i => i.Id);
        Limit(take);
        AsNoTracking();
    }
}
