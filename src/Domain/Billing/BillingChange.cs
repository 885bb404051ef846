namespace IaGenify.Domain.Billing;

/// <summary>What a billing update did, for the audit log and the <c>billing.updated</c> event.</summary>
/// <param name="TermsChanged">Trial end, period end or cancel-at-period-end changed.</param>
public sealed record BillingChange(string FromPlan, string ToPlan, SubscriptionStatus FromStatus, SubscriptionStatus ToStatus,
    bool TermsChanged)
{
    public bool PlanChanged => FromPlan != ToPlan;
    public bool StatusChanged => FromStatus != ToStatus;
    public bool AnyChanged => PlanChanged || StatusChanged || TermsChanged;
}
