using IaGenify.Domain.Common;

namespace IaGenify.Domain.Workspaces;

/// <summary>
/// The tenant. It owns its memberships so that rules spanning several members (the last owner) are checked in
/// one place; <see cref="Version"/> changes with every membership change so that two concurrent changes cannot
/// both pass the check.
/// </summary>
public sealed class Workspace : Entity
{
    public const int MaxNameLength = 100;
    public const int MaxSuspensionReasonLength = 500;
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    private readonly List<Membership> _members = [];

    private Workspace()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset? PurgeAfter { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }

    /// <summary>Members must have two-factor authentication on to act in the workspace (API keys excepted).</summary>
    public bool RequireMfa { get; private set; }
    public IReadOnlyCollection<Membership> Members => _members;

    public bool IsDeleted => DeletedAt is not null;
    public bool IsSuspended => SuspendedAt is not null;

    public static Workspace Create(string name, Guid ownerUserId, DateTimeOffset now)
    {
        var workspace = new Workspace { Name = Guard.NotBlank(name, MaxNameLength, nameof(name)), CreatedAt = now };
        workspace._members.Add(new Membership(workspace.Id, ownerUserId, Role.Owner, now));
        return workspace;
    }

    public void Rename(string name) => Name = Guard.NotBlank(name, MaxNameLength, nameof(name));

    public void Delete(DateTimeOffset now)
    {
        if (IsDeleted)
            throw new BusinessRuleException("workspace.deleted", "The workspace is already deleted.");
        DeletedAt = now;
        PurgeAfter = now + RestoreWindow;
    }

    public void Restore(DateTimeOffset now)
    {
        if (!IsDeleted)
            throw new BusinessRuleException("workspace.not_deleted", "The workspace is not deleted.");
        if (now >= PurgeAfter)
            throw new BusinessRuleException("workspace.restore_window_passed", "The restore window of this workspace has passed.");
        DeletedAt = null;
        PurgeAfter = null;
    }

    /// <summary>Platform staff make the workspace read-only for its members and keys (abuse, unpaid bills, legal holds).</summary>
    public void Suspend(string reason, DateTimeOffset now)
    {
        if (IsSuspended)
            throw new BusinessRuleException("workspace.already_suspended", "The workspace is already suspended.");
        SuspensionReason = Guard.NotBlank(reason, MaxSuspensionReasonLength, nameof(reason));
        SuspendedAt = now;
    }

    public void Unsuspend()
    {
        if (!IsSuspended)
            throw new BusinessRuleException("workspace.not_suspended", "The workspace is not suspended.");
        SuspendedAt = null;
        SuspensionReason = null;
    }

    /// <summary>
    /// Only an owner sets the two-factor requirement, and only once they use two-factor themselves: otherwise the
    /// rule would lock out the very person who can lift it.
    /// </summary>
    public void SetMfaRequirement(bool required, Role actorRole, bool actorHasMfa)
    {
        if (actorRole != Role.Owner)
            throw new PermissionDeniedException("permission_denied", "Only an owner can change the two-factor requirement.");
        if (required && !actorHasMfa)
            throw new PermissionDeniedException("mfa_required",
                "Turn on two-factor authentication for your own account before requiring it from the members.");
        RequireMfa = required;
    }

    /// <summary>
    /// Hands the workspace from an owner to an admin: the admin becomes owner and the previous owner becomes admin.
    /// Both must still hold those roles when the transfer is accepted.
    /// </summary>
    public void TransferOwnership(Guid fromUserId, Guid toUserId)
    {
        var from = FindMember(fromUserId);
        if (from is not { Role: Role.Owner })
            throw new BusinessRuleException("ownership_transfer.owner_changed", "The person who offered the workspace is no longer its owner.");
        var to = FindMember(toUserId);
        if (to is not { Role: Role.Admin })
            throw new BusinessRuleException("ownership_transfer.target_not_admin", "Only an admin of the workspace can become its owner.");
        to.Role = Role.Owner;
        from.Role = Role.Admin;
        Version++;
    }

    public Membership? FindMember(Guid userId) => _members.FirstOrDefault(m => m.UserId == userId);

    public Membership AddMember(Guid userId, Role role, DateTimeOffset now)
    {
        if (FindMember(userId) is not null)
            throw new BusinessRuleException("member.exists", "This user is already a member of the workspace.");
        var membership = new Membership(Id, userId, role, now);
        _members.Add(membership);
        Version++;
        return membership;
    }

    public void ChangeMemberRole(Role actorRole, Guid userId, Role newRole)
    {
        var member = FindMember(userId) ?? throw new NotFoundException("Member");
        if (member.Role == newRole)
            return;
        MembershipRules.EnsureCanAssign(actorRole, member.Role);
        MembershipRules.EnsureCanAssign(actorRole, newRole);
        if (member.Role == Role.Owner)
            EnsureAnotherOwner(member);
        member.Role = newRole;
        Version++;
    }

    /// <summary>Removes a member; a member may always remove themselves (leave), except the last owner.</summary>
    public Membership RemoveMember(Guid actorUserId, Role actorRole, Guid userId)
    {
        var member = FindMember(userId) ?? throw new NotFoundException("Member");
        if (userId != actorUserId)
            MembershipRules.EnsureCanAssign(actorRole, member.Role);
        if (member.Role == Role.Owner)
            EnsureAnotherOwner(member);
        _members.Remove(member);
        Version++;
        return member;
    }

    /// <summary>
    /// Removes a member whose account is being erased. When they were the last owner, the longest-standing admin
    /// (else member, else viewer) becomes owner, so the workspace keeps one. When nobody is left the workspace is
    /// abandoned: deleted with its purge due at once, since no one remains who could restore it.
    /// </summary>
    public ErasedMemberOutcome RemoveErasedMember(Guid userId, DateTimeOffset now)
    {
        var member = FindMember(userId) ?? throw new NotFoundException("Member");
        _members.Remove(member);
        Version++;

        if (_members.Count == 0)
        {
            DeletedAt ??= now;
            PurgeAfter = now;
            return new ErasedMemberOutcome(member, null, Abandoned: true);
        }
        if (member.Role != Role.Owner || _members.Any(m => m.Role == Role.Owner))
            return new ErasedMemberOutcome(member, null, Abandoned: false);

        var successor = _members
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.JoinedAt)
            .ThenBy(m => m.Id)
            .First();
        successor.Role = Role.Owner;
        return new ErasedMemberOutcome(member, successor.UserId, Abandoned: false);
    }

    private void EnsureAnotherOwner(Membership owner)
    {
        if (!_members.Any(m => m.Role == Role.Owner && m != owner))
            throw new BusinessRuleException("workspace.last_owner", "A workspace must keep at least one owner.");
    }
}
