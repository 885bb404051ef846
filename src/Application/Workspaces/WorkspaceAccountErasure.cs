using Ardalis.Specification;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Identity;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces;

/// <summary>
/// The workspaces' part of erasing an account: every workspace keeps an owner or is abandoned, and invitations
/// sent to the address are redacted.
/// </summary>
internal sealed class WorkspaceAccountErasure(
    IRepository<Workspace> workspaces,
    IRepository<Invitation> invitations,
    IAuditLog auditLog) : IAccountErasureParticipant
{
    public async Task EraseAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
}
