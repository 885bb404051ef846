namespace IaGenify.Domain.Billing;

/// <summary>What a billing update did to the plan and status, for the audit log.</summary>
public sealed record BillingChange(string FromPlan, string ToPlan, SubscriptionStatus FromStatus, SubscriptionStatus ToStatus)
{
    public bool PlanChanged => FromPlan != ToPlan;
    public bool StatusChanged => FromStatus != ToStatus;
}
