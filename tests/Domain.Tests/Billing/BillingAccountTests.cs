using IaGenify.Domain.Billing;

namespace IaGenify.Domain.Tests.Billing;

public sealed class BillingAccountTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static SubscriptionState State(string id, SubscriptionStatus status, string plan = "pro", bool cancelAtPeriodEnd = false) =>
        new(id, "cus_1", plan, status, T0.AddDays(14), T0.AddMonths(1), cancelAtPeriodEnd);

    [Fact]
    public void A_new_account_is_on_the_free_plan_and_entitled_to_it()
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);

        Assert.Equal(("free", SubscriptionStatus.Active), (account.PlanCode, account.Status));
        Assert.Equal("free", account.EntitledPlanCode("free"));
        Assert.False(account.HasOpenSubscription);
        Assert.False(account.HasEverSubscribed);
    }

    [Fact]
    public void Applying_a_subscription_sets_plan_status_and_period_and_reports_the_change()
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);

        var change = account.ApplySubscription(State("sub_1", SubscriptionStatus.Trialing), "free", T0, T0);

        Assert.NotNull(change);
        Assert.True(change.PlanChanged && change.StatusChanged);
        Assert.Equal(("pro", SubscriptionStatus.Trialing, "sub_1", "cus_1"), (account.PlanCode, account.Status, account.StripeSubscriptionId, account.StripeCustomerId));
        Assert.Equal(T0.AddDays(14), account.TrialEndsAt);
        Assert.Equal(T0.AddMonths(1), account.CurrentPeriodEnd);
        Assert.True(account.HasOpenSubscription);
    }

    [Fact]
    public void An_older_state_never_overwrites_a_newer_one()
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);
        account.ApplySubscription(State("sub_1", SubscriptionStatus.Active, "business"), "free", T0.AddMinutes(5), T0);

        var change = account.ApplySubscription(State("sub_1", SubscriptionStatus.Trialing, "pro"), "free", T0, T0);

        Assert.Null(change);
        Assert.Equal(("business", SubscriptionStatus.Active), (account.PlanCode, account.Status));
    }

    [Fact]
    public void An_ended_subscription_returns_the_workspace_to_free()
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);
        account.ApplySubscription(State("sub_1", SubscriptionStatus.Active, cancelAtPeriodEnd: true), "free", T0, T0);

        var change = account.ApplySubscription(State("sub_1", SubscriptionStatus.Canceled), "free", T0.AddDays(1), T0.AddDays(1));

        Assert.Equal(("pro", "free"), (change!.FromPlan, change.ToPlan));
        Assert.Equal(("free", SubscriptionStatus.Canceled), (account.PlanCode, account.Status));
        Assert.Null(account.CurrentPeriodEnd);
        Assert.False(account.CancelAtPeriodEnd);
        Assert.False(account.HasOpenSubscription);
        Assert.True(account.HasEverSubscribed);
    }

    [Fact]
    public void The_end_of_a_replaced_subscription_is_ignored_but_a_live_replacement_is_taken()
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);
        account.ApplySubscription(State("sub_new", SubscriptionStatus.Active, "business"), "free", T0, T0);

        Assert.Null(account.ApplySubscription(State("sub_old", SubscriptionStatus.Canceled), "free", T0.AddMinutes(1), T0));
        Assert.Equal(("business", "sub_new"), (account.PlanCode, account.StripeSubscriptionId));

        account.ApplySubscription(State("sub_newer", SubscriptionStatus.Active, "pro"), "free", T0.AddMinutes(2), T0);
        Assert.Equal(("pro", "sub_newer"), (account.PlanCode, account.StripeSubscriptionId));
    }

    [Theory]
    [InlineData(SubscriptionStatus.Active, "pro")]
    [InlineData(SubscriptionStatus.Trialing, "pro")]
    [InlineData(SubscriptionStatus.PastDue, "pro")]
    [InlineData(SubscriptionStatus.Unpaid, "free")]
    [InlineData(SubscriptionStatus.Incomplete, "free")]
    [InlineData(SubscriptionStatus.Paused, "free")]
    public void Entitlements_follow_the_plan_only_while_the_subscription_is_in_good_standing(SubscriptionStatus status, string entitled)
    {
        var account = BillingAccount.Open(Guid.NewGuid(), "free", T0);
        account.ApplySubscription(State("sub_1", status), "free", T0, T0);

        Assert.Equal("pro", account.PlanCode);
        Assert.Equal(entitled, account.EntitledPlanCode("free"));
    }
}
