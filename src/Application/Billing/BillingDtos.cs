using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing;

public sealed record EntitlementsDto(int? MaxWebsites, int? MaxMembers, bool ApiAccess, bool ImageGeneration, bool CustomDomain)
{
    public static EntitlementsDto Of(PlanOptions plan) => new(plan.Entitlements.MaxWebsites, plan.Entitlements.MaxMembers,
        plan.Entitlements.ApiAccess, plan.Entitlements.ImageGeneration, plan.Entitlements.CustomDomain);
}

public sealed record PriceDto(long Amount, string Currency, string? Interval);

public sealed record PlanDto(string Code, string Name, long MonthlyCredits, int TrialDays, PriceDto? Price, EntitlementsDto Entitlements);

public sealed record CreditPackDto(string Code, string Name, long Credits, PriceDto? Price);

public sealed record PlanListDto(IReadOnlyList<PlanDto> Items, IReadOnlyList<CreditPackDto> CreditPacks);

public sealed record BillingPlanDto(string Code, string Name);

/// <summary>
/// A workspace's billing. <see cref="Plan"/> is the subscribed plan; <see cref="Entitlements"/> are those in force,
/// which fall back to the free plan's while the subscription is not in good standing (unpaid, incomplete, paused).
/// </summary>
public sealed record BillingDto(BillingPlanDto Plan, SubscriptionStatus Status, DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, EntitlementsDto Entitlements);

public sealed record RedirectDto(string Url);
