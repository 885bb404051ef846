using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.Workspaces;

public sealed class WorkspaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _owner = Guid.CreateVersion7();

    private Workspace NewWorkspace() => Workspace.Create("Acme", _owner, Now);

    [Fact]
    public void The_creator_is_the_only_owner()
    {
        var workspace = NewWorkspace();
        var member = Assert.Single(workspace.Members);
        Assert.Equal((_owner, Role.Owner, workspace.Id), (member.UserId, member.Role, member.WorkspaceId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) => Assert.Throws<ArgumentException>(() => Workspace.Create(name, _owner, Now));

    [Fact]
    public void A_name_is_bounded() =>
        Assert.Throws<ArgumentException>(() => Workspace.Create(new string('x', Workspace.MaxNameLength + 1), _owner, Now));

    [Fact]
    public void Delete_opens_a_restore_window_and_restore_closes_it()
    {
        var workspace = NewWorkspace();
        workspace.Delete(Now);
        Assert.Equal(Now + Workspace.RestoreWindow, workspace.PurgeAfter);
        Assert.Throws<BusinessRuleException>(() => workspace.Delete(Now));

        workspace.Restore(Now.AddDays(29));

        Assert.False(workspace.IsDeleted);
        Assert.Null(workspace.PurgeAfter);
    }

    [Fact]
    public void Restore_after_the_window_is_refused()
    {
        var workspace = NewWorkspace();
        workspace.Delete(Now);
        var error = Assert.Throws<BusinessRuleException>(() => workspace.Restore(Now.AddDays(30)));
        Assert.Equal("workspace.restore_window_passed", error.Code);
    }

    [Fact]
    public void A_user_joins_once()
    {
        var workspace = NewWorkspace();
        var user = Guid.CreateVersion7();
        workspace.AddMember(user, Role.Member, Now);
        Assert.Throws<BusinessRuleException>(() => workspace.AddMember(user, Role.Viewer, Now));
    }

    [Fact]
    public void Membership_changes_move_the_version_so_concurrent_changes_collide()
    {
        var workspace = NewWorkspace();
        var before = workspace.Version;
        workspace.AddMember(Guid.CreateVersion7(), Role.Member, Now);
        Assert.NotEqual(before, workspace.Version);
    }

    [Theory]
    [InlineData(Role.Admin, Role.Member, Role.Viewer, true)]
    [InlineData(Role.Admin, Role.Viewer, Role.Member, true)]
    [InlineData(Role.Admin, Role.Member, Role.Admin, false)]
    [InlineData(Role.Admin, Role.Admin, Role.Member, false)]
    [InlineData(Role.Member, Role.Viewer, Role.Member, false)]
    [InlineData(Role.Owner, Role.Member, Role.Admin, true)]
    [InlineData(Role.Owner, Role.Admin, Role.Owner, true)]
    public void Only_owners_hand_out_or_take_back_admin_and_owner(Role actor, Role from, Role to, bool allowed)
    {
        var workspace = NewWorkspace();
        var user = Guid.CreateVersion7();
        workspace.AddMember(user, from, Now);

        var change = () => workspace.ChangeMemberRole(actor, user, to);

        if (allowed)
        {
            change();
            Assert.Equal(to, workspace.FindMember(user)!.Role);
        }
        else
        {
            Assert.Throws<PermissionDeniedException>(change);
            Assert.Equal(from, workspace.FindMember(user)!.Role);
        }
    }

    [Fact]
    public void The_last_owner_cannot_be_demoted_or_leave()
    {
        var workspace = NewWorkspace();
        Assert.Equal("workspace.last_owner",
            Assert.Throws<BusinessRuleException>(() => workspace.ChangeMemberRole(Role.Owner, _owner, Role.Admin)).Code);
        Assert.Equal("workspace.last_owner",
            Assert.Throws<BusinessRuleException>(() => workspace.RemoveMember(_owner, Role.Owner, _owner)).Code);
    }

    [Fact]
    public void An_owner_leaves_when_another_owner_remains()
    {
        var workspace = NewWorkspace();
        var second = Guid.CreateVersion7();
        workspace.AddMember(second, Role.Owner, Now);

        workspace.RemoveMember(_owner, Role.Owner, _owner);

        Assert.Equal(second, Assert.Single(workspace.Members).UserId);
    }

    [Fact]
    public void Any_member_may_leave_but_only_managers_remove_others()
    {
        var workspace = NewWorkspace();
        var viewer = Guid.CreateVersion7();
        var member = Guid.CreateVersion7();
        workspace.AddMember(viewer, Role.Viewer, Now);
        workspace.AddMember(member, Role.Member, Now);

        Assert.Throws<PermissionDeniedException>(() => workspace.RemoveMember(viewer, Role.Viewer, member));
        workspace.RemoveMember(viewer, Role.Viewer, viewer);
        Assert.Null(workspace.FindMember(viewer));
    }

    [Fact]
    public void Removing_an_unknown_member_is_not_found() =>
        Assert.Throws<NotFoundException>(() => NewWorkspace().RemoveMember(_owner, Role.Owner, Guid.CreateVersion7()));

    [Fact]
    public void Suspension_needs_a_reason_and_is_lifted_once()
    {
        var workspace = NewWorkspace();
        Assert.Throws<ArgumentException>(() => workspace.Suspend(" ", Now));
        Assert.Throws<BusinessRuleException>(() => workspace.Unsuspend());

        workspace.Suspend(" Chargeback ", Now);

        Assert.Equal((true, Now, "Chargeback"), (workspace.IsSuspended, workspace.SuspendedAt, workspace.SuspensionReason));
        Assert.Throws<BusinessRuleException>(() => workspace.Suspend("again", Now));
        workspace.Unsuspend();
        Assert.Equal((false, (string?)null), (workspace.IsSuspended, workspace.SuspensionReason));
    }
}
