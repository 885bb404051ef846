using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.Workspaces;

public sealed class ErasureTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Guid _owner = Guid.CreateVersion7();

    private Workspace WorkspaceWith(params (Guid User, Role Role, int JoinedDay)[] members)
    {
        var workspace = Workspace.Create("Acme", _owner, Now);
        foreach (var (user, role, day) in members)
            workspace.AddMember(user, role, Now.AddDays(day));
        return workspace;
    }

    [Fact]
    public void The_longest_standing_admin_succeeds_the_last_owner()
    {
        var (newerAdmin, olderAdmin, member) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var workspace = WorkspaceWith((member, Role.Member, 1), (newerAdmin, Role.Admin, 5), (olderAdmin, Role.Admin, 3));

        var outcome = workspace.RemoveErasedMember(_owner, Now);

        Assert.Equal((olderAdmin, false), (outcome.NewOwnerUserId, outcome.Abandoned));
        Assert.Equal(Role.Owner, workspace.FindMember(olderAdmin)!.Role);
        Assert.Null(workspace.FindMember(_owner));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Viewer)]
    public void Without_admins_the_longest_standing_of_the_highest_role_succeeds(Role best)
    {
        var (newer, older, viewer) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var workspace = WorkspaceWith((viewer, Role.Viewer, 0), (newer, best, 4), (older, best, 2));

        var outcome = workspace.RemoveErasedMember(_owner, Now);

        Assert.Equal(best == Role.Viewer ? viewer : older, outcome.NewOwnerUserId);
    }

    [Fact]
    public void Another_owner_keeps_the_workspace_and_nobody_is_promoted()
    {
        var coOwner = Guid.CreateVersion7();
        var admin = Guid.CreateVersion7();
        var workspace = WorkspaceWith((coOwner, Role.Owner, 1), (admin, Role.Admin, 0));

        var outcome = workspace.RemoveErasedMember(_owner, Now);

        Assert.Null(outcome.NewOwnerUserId);
        Assert.Equal(Role.Admin, workspace.FindMember(admin)!.Role);
    }

    [Fact]
    public void A_workspace_left_empty_is_abandoned_with_its_purge_due_at_once()
    {
        var workspace = WorkspaceWith();

        var outcome = workspace.RemoveErasedMember(_owner, Now);

        Assert.True(outcome.Abandoned);
        Assert.Equal((Now, Now), (workspace.DeletedAt, workspace.PurgeAfter));
    }

    [Fact]
    public void An_erased_user_keeps_only_an_unroutable_unique_address()
    {
        var user = User.Register("Jane@Example.com", "Jane", "hash", Now);
        user.MarkEmailVerified(Now);

        user.Erase("other-hash", Now);

        Assert.Equal($"deleted-{user.Id:N}@deleted.invalid", user.Email);
        Assert.Equal((User.ErasedDisplayName, "other-hash", false, true), (user.DisplayName, user.PasswordHash, user.IsEmailVerified, user.IsDeleted));
        Assert.Throws<Common.BusinessRuleException>(() => user.Erase("again", Now));
    }

    [Fact]
    public void A_pending_invitation_to_an_erased_address_is_revoked_and_redacted()
    {
        var invitation = Invitation.Create(Guid.CreateVersion7(), "jane@example.com", Role.Member, Role.Owner, _owner, "hash", Now);

        invitation.RedactInvitee("deleted-x@deleted.invalid", Now.AddHours(1));

        Assert.Equal((InvitationStatus.Revoked, "deleted-x@deleted.invalid"), (invitation.StatusAt(Now.AddHours(1)), invitation.Email));
    }
}
