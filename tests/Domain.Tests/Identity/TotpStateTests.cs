using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;

namespace IaGenify.Domain.Tests.Identity;

public sealed class TotpStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static User NewUser() => User.Register("ada@example.com", "Ada", "hash", Now);

    [Fact]
    public void A_time_step_is_accepted_once_and_never_an_earlier_one()
    {
        var user = NewUser();
        user.BeginTotpEnrolment("v1.sealed");
        Assert.False(user.TryAcceptTotpStep(100));
        user.ConfirmTotp(100, Now);

        Assert.False(user.TryAcceptTotpStep(100));
        Assert.False(user.TryAcceptTotpStep(99));
        Assert.True(user.TryAcceptTotpStep(101));
        Assert.False(user.TryAcceptTotpStep(101));
    }

    [Fact]
    public void An_active_enrolment_is_not_replaced_and_turning_it_off_clears_it()
    {
        var user = NewUser();
        user.BeginTotpEnrolment("v1.first");
        user.BeginTotpEnrolment("v1.second");
        user.ConfirmTotp(1, Now);

        Assert.Equal("mfa.already_enabled", Assert.Throws<BusinessRuleException>(() => user.BeginTotpEnrolment("v1.third")).Code);
        user.DisableTotp();
        Assert.Equal((null, false), (user.TotpSecret, user.IsTotpEnabled));
        Assert.Equal("mfa.not_enabled", Assert.Throws<BusinessRuleException>(user.DisableTotp).Code);
    }

    [Fact]
    public void A_recovery_code_is_used_once()
    {
        var code = RecoveryCode.Create(Guid.CreateVersion7(), "hash", Now);
        code.Use(Now);
        Assert.Throws<BusinessRuleException>(() => code.Use(Now));
    }
}
