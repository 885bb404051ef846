using IaGenify.Application.Billing;

namespace IaGenify.Application.Tests.Billing;

public sealed class BillingOptionsValidationTests
{
    private static BillingOptions Valid() => new()
    {
        Plans =
        [
            new PlanOptions { Code = "free", Name = "Free" },
            new PlanOptions { Code = "pro", Name = "Pro", StripePriceId = "price_pro", MonthlyCredits = 100, TrialDays = 14 },
        ],
        CreditPacks = [new CreditPackOptions { Code = "credits-10", Credits = 10, StripePriceId = "price_pack" }],
    };

    private static IReadOnlyList<string> Failures(BillingOptions options) =>
        new BillingOptionsValidation().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_free_plan_first_and_priced_paid_plans_are_valid() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void The_first_plan_is_free_and_has_no_price()
    {
        var options = Valid();
        options.Plans[0].StripePriceId = "price_free";
        Assert.Contains(Failures(options), f => f.Contains("free plan"));
    }

    [Fact]
    public void Paid_plans_need_a_price_and_codes_and_prices_are_unique()
    {
        var options = Valid();
        options.Plans.Add(new PlanOptions { Code = "pro", Name = "Pro again", StripePriceId = "price_pack" });
        options.Plans.Add(new PlanOptions { Code = "team", Name = "Team" });

        var failures = Failures(options);

        Assert.Contains(failures, f => f.Contains("'pro' is used twice"));
        Assert.Contains(failures, f => f.Contains("'price_pack' is used twice"));
        Assert.Contains(failures, f => f.Contains("(team) needs a StripePriceId"));
    }

    [Fact]
    public void No_billing_section_is_valid_but_packs_without_plans_are_not()
    {
        Assert.Empty(Failures(new BillingOptions()));
        Assert.NotEmpty(Failures(new BillingOptions { CreditPacks = Valid().CreditPacks }));
    }
}
