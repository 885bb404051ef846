using IaGenify.Domain.Billing;

namespace IaGenify.Application.Billing;

/// <summary>Data of the <c>billing.updated</c> outbound event: the facts of <c>GET .../billing</c>, never Stripe ids.</summary>
public sealed record BillingUpdatedData(string Plan, SubscriptionStatus Status, DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, EntitlementsDto Entitlements);
