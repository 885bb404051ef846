using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;

namespace IaGenify.Domain.Tests.Identity;

public sealed class UserSuspensionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_suspension_is_set_once_by_someone_else_and_lifted_once()
    {
        var user = User.Register("someone@example.com", "Someone", "hash", Now);
        var staff = Guid.CreateVersion7();

        Assert.Equal("user.cannot_suspend_self", Assert.Throws<BusinessRuleException>(() => user.Suspend("x", user.Id, Now)).Code);
        Assert.Equal("user.not_suspended", Assert.Throws<BusinessRuleException>(user.Unsuspend).Code);
        user.Suspend("  Fraud ", staff, Now);
        Assert.Equal((Now, "Fraud"), (user.SuspendedAt, user.SuspensionReason));
        Assert.Equal("account_suspended", Assert.Throws<AccountSuspendedException>(user.EnsureNotSuspended).Code);
        Assert.Equal("user.already_suspended", Assert.Throws<BusinessRuleException>(() => user.Suspend("again", staff, Now)).Code);

        user.Unsuspend();

        Assert.False(user.IsSuspended);
        Assert.Null(user.SuspensionReason);
        user.EnsureNotSuspended();
    }

    [Fact]
    public void An_erased_account_cannot_be_suspended_and_erasure_drops_the_reason()
    {
        var suspended = User.Register("a@example.com", "A", "hash", Now);
        suspended.Suspend("Written about the person", Guid.CreateVersion7(), Now);
        suspended.Erase("unusable", Now);
        Assert.Null(suspended.SuspensionReason);

        var erased = User.Register("b@example.com", "B", "hash", Now);
        erased.Erase("unusable", Now);
        Assert.Equal("user.deleted", Assert.Throws<BusinessRuleException>(() => erased.Suspend("x", Guid.CreateVersion7(), Now)).Code);
    }
}
