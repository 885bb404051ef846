using IaGenify.Domain.Common;

namespace IaGenify.Domain.Workspaces;

/// <summary>An emailed offer to join a workspace with a role. Accepted once, by the invited email only.</summary>
public sealed class Invitation : Entity, ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
        Email = TokenHash = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public string Email { get; private set; }
    public Role Role { get; private set; }
    public string TokenHash { get; private set; }
    public Guid InvitedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static Invitation Create(Guid workspaceId, string email, Role role, Role actorRole, Guid invitedByUserId,
        string tokenHash, DateTimeOffset now)
    {
        MembershipRules.EnsureCanAssign(actorRole, role);
        return new Invitation
        {
            WorkspaceId = workspaceId,
            Email = EmailAddress.Normalize(email),
            Role = role,
            TokenHash = tokenHash,
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    public void Accept(Guid userId, string userEmail, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Accepted:
                throw new BusinessRuleException("invitation.used", "This invitation was already accepted.");
            case InvitationStatus.Revoked:
                throw new BusinessRuleException("invitation.revoked", "This invitation was revoked.");
            case InvitationStatus.Expired:
                throw new BusinessRuleException("invitation.expired", "This invitation has expired.");
        }
        if (!string.Equals(Email, EmailAddress.Normalize(userEmail), StringComparison.Ordinal))
            throw new PermissionDeniedException("invitation.email_mismatch", "This invitation was sent to another email address.");
        AcceptedAt = now;
        AcceptedByUserId = userId;
    }

    public void Revoke(Role actorRole, DateTimeOffset now)
    {
        MembershipRules.EnsureCanAssign(actorRole, Role);
        if (StatusAt(now) != InvitationStatus.Pending)
            throw new BusinessRuleException("invitation.not_pending", "Only a pending invitation can be revoked.");
        RevokedAt = now;
    }

    /// <summary>
    /// The invited address belongs to an account being erased: a pending invitation is revoked and the address is
    /// replaced by the account's erased placeholder, whatever the invitation's state.
    /// </summary>
    public void RedactInvitee(string erasedEmail, DateTimeOffset now)
    {
        if (StatusAt(now) == InvitationStatus.Pending)
            RevokedAt = now;
        Email = EmailAddress.Normalize(erasedEmail);
    }
}
