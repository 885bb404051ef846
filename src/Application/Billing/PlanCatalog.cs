using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing;

/// <summary>
/// The plans and credit packs from configuration (<c>Billing</c>); the first plan is the free plan. A host without a
/// <c>Billing:Plans</c> section (billing not set up) has one implicit free plan without limits, and billing refuses
/// to sell or to process Stripe events there (<see cref="IsConfigured"/>).
/// </summary>
public sealed class PlanCatalog(IOptionsMonitor<BillingOptions> options)
{
    private static readonly PlanOptions Unlimited = new()
    {
        Code = "free",
        Name = "Free",
        Entitlements = new PlanEntitlementOptions { ApiAccess = true, ImageGeneration = true, CustomDomain = true },
    };

    public bool IsConfigured => options.CurrentValue.Plans.Count > 0;

    public IReadOnlyList<PlanOptions> Plans => IsConfigured ? options.CurrentValue.Plans : [Unlimited];
    public IReadOnlyList<CreditPackOptions> CreditPacks => options.CurrentValue.CreditPacks;
    public PlanOptions Free => Plans[0];

    public PlanOptions? FindPlan(string? code) =>
        Plans.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <summary>The plan a plan code stored earlier stands for; a plan removed from configuration counts as free.</summary>
    public PlanOptions PlanOrFree(string code) => FindPlan(code) ?? Free;

    public PlanOptions? FindPlanByPrice(string? priceId) => priceId is null
        ? null
        : Plans.FirstOrDefault(p => string.Equals(p.StripePriceId, priceId, StringComparison.Ordinal));

    public CreditPackOptions? FindPack(string? code) =>
        CreditPacks.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));
}
