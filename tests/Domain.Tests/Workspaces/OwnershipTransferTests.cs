using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.Workspaces;

public sealed class OwnershipTransferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_admin_becomes_owner_and_the_owner_becomes_admin()
    {
        var ownerId = Guid.CreateVersion7();
        var adminId = Guid.CreateVersion7();
        var workspace = Workspace.Create("Acme", ownerId, Now);
        workspace.AddMember(adminId, Role.Admin, Now);

        workspace.TransferOwnership(ownerId, adminId);

        Assert.Equal((Role.Admin, Role.Owner), (workspace.FindMember(ownerId)!.Role, workspace.FindMember(adminId)!.Role));
    }

    [Fact]
    public void Only_an_admin_can_receive_and_only_a_current_owner_can_give()
    {
        var ownerId = Guid.CreateVersion7();
        var memberId = Guid.CreateVersion7();
        var workspace = Workspace.Create("Acme", ownerId, Now);
        workspace.AddMember(memberId, Role.Member, Now);

        Assert.Equal("ownership_transfer.target_not_admin",
            Assert.Throws<BusinessRuleException>(() => workspace.TransferOwnership(ownerId, memberId)).Code);
        Assert.Equal("ownership_transfer.owner_changed",
            Assert.Throws<BusinessRuleException>(() => workspace.TransferOwnership(memberId, ownerId)).Code);
    }

    [Fact]
    public void An_offer_is_accepted_once_by_its_target_before_it_expires()
    {
        var target = Guid.CreateVersion7();
        var offer = OwnershipTransfer.Offer(Guid.CreateVersion7(), Guid.CreateVersion7(), target, "hash", Now);

        Assert.Throws<NotFoundException>(() => offer.Accept(Guid.CreateVersion7(), Now));
        Assert.Throws<NotFoundException>(() => offer.Accept(target, Now + OwnershipTransfer.Lifetime));
        offer.Accept(target, Now.AddHours(1));
        Assert.Throws<NotFoundException>(() => offer.Accept(target, Now.AddHours(2)));
    }

    [Fact]
    public void Requiring_two_factor_is_for_owners_who_use_it()
    {
        var workspace = Workspace.Create("Acme", Guid.CreateVersion7(), Now);

        Assert.Equal("permission_denied", Assert.Throws<PermissionDeniedException>(() => workspace.SetMfaRequirement(true, Role.Admin, true)).Code);
        Assert.Equal("mfa_required", Assert.Throws<PermissionDeniedException>(() => workspace.SetMfaRequirement(true, Role.Owner, false)).Code);
        workspace.SetMfaRequirement(true, Role.Owner, true);
        Assert.True(workspace.RequireMfa);
        workspace.SetMfaRequirement(false, Role.Owner, false);
        Assert.False(workspace.RequireMfa);
    }
}
