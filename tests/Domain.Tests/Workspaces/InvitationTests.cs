using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.Workspaces;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static Invitation Invite(Role role = Role.Member, Role actor = Role.Admin) =>
        Invitation.Create(Guid.CreateVersion7(), " Guest@Example.com ", role, actor, Guid.CreateVersion7(), null, "hash", Now);

    [Fact]
    public void The_email_is_normalized_and_the_invitation_expires_after_a_week()
    {
        var invitation = Invite();
        Assert.Equal("guest@example.com", invitation.Email);
        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Now.AddDays(6)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now.AddDays(7)));
    }

    [Fact]
    public void An_admin_cannot_invite_an_admin() =>
        Assert.Throws<PermissionDeniedException>(() => Invite(Role.Admin, actor: Role.Admin));

    [Fact]
    public void It_is_accepted_once_by_the_invited_email()
    {
        var invitation = Invite();
        var user = Guid.CreateVersion7();
        invitation.Accept(user, "GUEST@example.com", Now);
        Assert.Equal(user, invitation.AcceptedByUserId);
        Assert.Equal("invitation.used", Assert.Throws<BusinessRuleException>(() => invitation.Accept(user, "guest@example.com", Now)).Code);
    }

    [Fact]
    public void Another_email_cannot_accept() =>
        Assert.Throws<PermissionDeniedException>(() => Invite().Accept(Guid.CreateVersion7(), "other@example.com", Now));

    [Fact]
    public void Expired_and_revoked_invitations_cannot_be_accepted()
    {
        Assert.Equal("invitation.expired",
            Assert.Throws<BusinessRuleException>(() => Invite().Accept(Guid.CreateVersion7(), "guest@example.com", Now.AddDays(8))).Code);
        var revoked = Invite();
        revoked.Revoke(Role.Admin, Now);
        Assert.Equal("invitation.revoked",
            Assert.Throws<BusinessRuleException>(() => revoked.Accept(Guid.CreateVersion7(), "guest@example.com", Now)).Code);
    }

    [Fact]
    public void An_invitation_names_exactly_one_sender()
    {
        Assert.Throws<ArgumentException>(() => Invitation.Create(Guid.CreateVersion7(), "a@b.co", Role.Member, Role.Admin, null, null, "h", Now));
        Assert.Throws<ArgumentException>(() => Invitation.Create(Guid.CreateVersion7(), "a@b.co", Role.Member, Role.Admin,
            Guid.CreateVersion7(), Guid.CreateVersion7(), "h", Now));
    }
}
