namespace IaGenify.Domain.Billing;

/// <summary>A subscription as the payment provider currently knows it, with its price already mapped to a plan.</summary>
public sealed record SubscriptionState(
    string SubscriptionId,
    string? CustomerId,
    string PlanCode,
    SubscriptionStatus Status,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd);
