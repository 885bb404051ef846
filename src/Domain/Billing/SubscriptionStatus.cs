namespace IaGenify.Domain.Billing;

/// <summary>Where a workspace's subscription stands, as Stripe reports it. A workspace that never paid is <see cref="Active"/> on the free plan.</summary>
public enum SubscriptionStatus
{
    Active = 1,
    Trialing = 2,
    PastDue = 3,
    Unpaid = 4,
    Incomplete = 5,
    IncompleteExpired = 6,
    Canceled = 7,
    Paused = 8,
}

public static class SubscriptionStatuses
{
    /// <summary>The subscription is over: the workspace is back on the free plan.</summary>
    public static bool IsEnded(this SubscriptionStatus status) =>
        status is SubscriptionStatus.Canceled or SubscriptionStatus.IncompleteExpired;

    /// <summary>
    /// The plan's entitlements apply. A failed renewal (past due) keeps them while Stripe retries the payment; an
    /// unpaid, incomplete or paused subscription does not.
    /// </summary>
    public static bool GrantsPlan(this SubscriptionStatus status) =>
        status is SubscriptionStatus.Active or SubscriptionStatus.Trialing or SubscriptionStatus.PastDue;
}
