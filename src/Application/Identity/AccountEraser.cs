using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Identity;

/// <summary>
/// Erases an account (GDPR): every workspace keeps an owner or is abandoned, invitations sent to the address are
/// revoked and redacted, sessions and emailed tokens are deleted, and the user row keeps only its id. Stages
/// everything on the scope's unit of work: the caller commits once, so the erasure happens whole or not at all.
/// </summary>
public sealed class AccountEraser(
    IRepository<Workspace> workspaces,
    IRepository<Invitation> invitations,
    IRepository<RefreshToken> refreshTokens,
    IRepository<OneTimeToken> oneTimeTokens,
    IPasswordHasher hasher,
    IAuditLog auditLog,
    IEnumerable<IAccountErasureParticipant> participants,
    TimeProvider clock)
{
    public async Task EraseAsync(User user, string erasedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reason = new Dictionary<string, string> { ["reason"] = "account_deleted" };

        foreach (var workspace in await workspaces.ListAsync(new WorkspacesOfMemberSpec(user.Id), cancellationToken))
        {
            var outcome = workspace.RemoveErasedMember(user.Id, now);
            auditLog.Record(AuditActions.MemberLeft, workspace.Id, "user", user.Id.ToString(),
                new Dictionary<string, string>(reason) { ["role"] = outcome.Removed.Role.ToString() });
            if (outcome.NewOwnerUserId is { } successor)
                auditLog.Record(AuditActions.WorkspaceOwnershipTransferred, workspace.Id, "user", successor.ToString(),
                    new Dictionary<string, string>(reason) { ["previousOwner"] = user.Id.ToString() });
            if (outcome.Abandoned)
                auditLog.Record(AuditActions.WorkspaceDeleted, workspace.Id, "workspace", workspace.Id.ToString(), reason);
        }

        var erasedEmail = User.ErasedEmail(user.Id);
        foreach (var invitation in await invitations.ListAsync(new InvitationsToEmailSpec(user.Email), cancellationToken))
            invitation.RedactInvitee(erasedEmail, now);
        foreach (var token in await refreshTokens.ListAsync(new RefreshTokensOfUserSpec(user.Id), cancellationToken))
            refreshTokens.Remove(token);
        foreach (var token in await oneTimeTokens.ListAsync(new OneTimeTokensOfUserSpec(user.Id), cancellationToken))
            oneTimeTokens.Remove(token);

        // Nobody knows this secret, so no password can ever match the stored hash.
        foreach (var participant in participants)
            await participant.EraseAsync(user.Id, cancellationToken);

        user.Erase(hasher.Hash(SecureToken.Create()), now);
        auditLog.Record(AuditActions.AccountDeleted, null, "user", user.Id.ToString(),
            new Dictionary<string, string> { ["by"] = erasedBy });
    }

    /// <summary>Every workspace the user belongs to, deleted ones included, with its members, tracked.</summary>
    private sealed class WorkspacesOfMemberSpec : Specification<Workspace>
    {
        public WorkspacesOfMemberSpec(Guid userId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(w => w.Members.Any(m => m.UserId == userId));
            Query.Include(w => w.Members);
        }
    }

    /// <summary>Invitations addressed to the email, in every workspace.</summary>
    private sealed class InvitationsToEmailSpec : Specification<Invitation>
    {
        public InvitationsToEmailSpec(string email)
        {
            Query.IgnoreTenantFilter();
            Query.Where(i => i.Email == email);
        }
    }

    private sealed class RefreshTokensOfUserSpec : Specification<RefreshToken>
    {
        public RefreshTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId);
    }

    private sealed class OneTimeTokensOfUserSpec : Specification<OneTimeToken>
    {
        public OneTimeTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId);
    }
}
