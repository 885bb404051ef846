namespace IaGenify.Application.Billing;

/// <summary>Configuration section <c>Billing</c>: the plans (the first one is the free plan) and the credit packs.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    public List<PlanOptions> Plans { get; set; } = [];
    public List<CreditPackOptions> CreditPacks { get; set; } = [];

    /// <summary>Where Stripe Checkout returns after payment; defaults to <c>{Platform:AppUrl}/billing?checkout=success</c>.</summary>
    public string? SuccessUrl { get; set; }

    /// <summary>Where Stripe Checkout returns when the customer gives up; defaults to <c>{Platform:AppUrl}/billing?checkout=canceled</c>.</summary>
    public string? CancelUrl { get; set; }

    /// <summary>Where the customer portal returns; defaults to <c>{Platform:AppUrl}/billing</c>.</summary>
    public string? PortalReturnUrl { get; set; }

    /// <summary>How far back the reconciliation looks for events by default (Stripe keeps events 30 days).</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromDays(3);
}

public sealed class PlanOptions
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary>Credits granted each paid billing period, expiring at the period's end.</summary>
    public long MonthlyCredits { get; set; }

    /// <summary>The Stripe recurring price; none for the free plan.</summary>
    public string? StripePriceId { get; set; }

    public int TrialDays { get; set; }
    public PlanEntitlementOptions Entitlements { get; set; } = new();

    /// <summary>What the pricing page shows; Stripe's price stays the one that is charged.</summary>
    public PlanPriceOptions? Price { get; set; }
}

/// <summary>Limits of a plan. A null maximum means unlimited.</summary>
public sealed class PlanEntitlementOptions
{
    public int? MaxWebsites { get; set; }
    public int? MaxMembers { get; set; }
    /// <summary>Automation clients (API keys) may act in the workspace. On unless a plan says otherwise.</summary>
    public bool ApiAccess { get; set; } = true;

    /// <summary>Requests per minute per API key on this plan; null uses <c>RateLimits:ApiKey</c>.</summary>
    public int? ApiRequestsPerMinute { get; set; }
    public bool ImageGeneration { get; set; }
    public bool CustomDomain { get; set; }
}

public sealed class PlanPriceOptions
{
    /// <summary>In the currency's minor unit (cents), as Stripe counts.</summary>
    public long Amount { get; set; }
    public string Currency { get; set; } = "eur";
    public string Interval { get; set; } = "month";
}

public sealed class CreditPackOptions
{
    public string Code { get; set; } = string.Empty;
    public string? Name { get; set; }
    public long Credits { get; set; }
    public string StripePriceId { get; set; } = string.Empty;
    public PlanPriceOptions? Price { get; set; }
}
