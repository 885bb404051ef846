namespace IaGenify.Application.Billing.Entitlements;

/// <summary>What a plan limits by count.</summary>
public enum PlanResource
{
    Websites,
    Members,
    PendingInvitations,
}
