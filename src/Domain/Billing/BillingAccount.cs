using IaGenify.Domain.Common;

namespace IaGenify.Domain.Billing;

/// <summary>
/// A workspace's plan and subscription. A workspace without one is on the free plan; the row is opened on the first
/// billing change and its row lock serialises every change of one workspace's billing.
/// <see cref="StateAsOf"/> is when the state was last known to be true, so an older report cannot overwrite it.
/// </summary>
public sealed class BillingAccount : Entity, ITenantOwned
{
    public const int MaxPlanCodeLength = 40;
    public const int MaxStripeIdLength = 255;

    private BillingAccount()
    {
        PlanCode = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public string PlanCode { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }
    public DateTimeOffset? TrialEndsAt { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }
    public bool CancelAtPeriodEnd { get; private set; }
    public DateTimeOffset? StateAsOf { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A subscription that has not ended: a second checkout would charge the customer twice.</summary>
    public bool HasOpenSubscription => StripeSubscriptionId is not null && !Status.IsEnded();

    /// <summary>Trials are for workspaces that never subscribed.</summary>
    public bool HasEverSubscribed => StripeSubscriptionId is not null;

    public static BillingAccount Open(Guid workspaceId, string freePlanCode, DateTimeOffset now) => new()
    {
        WorkspaceId = workspaceId,
        PlanCode = Guard.NotBlank(freePlanCode, MaxPlanCodeLength, nameof(freePlanCode)),
        Status = SubscriptionStatus.Active,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The plan whose entitlements apply now: the subscribed plan while it is in good standing, else free.</summary>
    public string EntitledPlanCode(string freePlanCode) =>
        EntitledPlanCode(PlanCode, StripeSubscriptionId is not null, Status, freePlanCode);

    /// <summary>The same rule from the stored columns alone, for reads that do not load the account.</summary>
    public static string EntitledPlanCode(string planCode, bool subscribed, SubscriptionStatus status, string freePlanCode) =>
        !subscribed || status.GrantsPlan() ? planCode : freePlanCode;

    public void LinkCustomer(string customerId, DateTimeOffset now)
    {
        StripeCustomerId = Guard.NotBlank(customerId, MaxStripeIdLength, nameof(customerId));
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies a subscription's state as known at <paramref name="asOf"/>. Ignored (null) when the account already
    /// knows something newer, or when it reports the end of a subscription that has since been replaced.
    /// An ended subscription puts the workspace back on the free plan.
    /// </summary>
    public BillingChange? ApplySubscription(SubscriptionState state, string freePlanCode, DateTimeOffset asOf, DateTimeOffset now)
    {
        if (asOf < StateAsOf)
            return null;
        var replaced = StripeSubscriptionId is not null && StripeSubscriptionId != state.SubscriptionId;
        if (replaced && state.Status.IsEnded())
            return null;

        var before = Snapshot();
        StripeSubscriptionId = Guard.NotBlank(state.SubscriptionId, MaxStripeIdLength, nameof(state.SubscriptionId));
        if (state.CustomerId is { Length: > 0 } customer)
            StripeCustomerId = customer;
        Status = state.Status;
        if (state.Status.IsEnded())
        {
            PlanCode = freePlanCode;
            TrialEndsAt = null;
            CurrentPeriodEnd = null;
            CancelAtPeriodEnd = false;
        }
        else
        {
            PlanCode = Guard.NotBlank(state.PlanCode, MaxPlanCodeLength, nameof(state.PlanCode));
            TrialEndsAt = state.Status == SubscriptionStatus.Trialing ? state.TrialEndsAt : null;
            CurrentPeriodEnd = state.CurrentPeriodEnd;
            CancelAtPeriodEnd = state.CancelAtPeriodEnd;
        }
        StateAsOf = asOf;
        UpdatedAt = now;
        return Compare(before);
    }

    private (BillingChange Change, DateTimeOffset? TrialEndsAt, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd) Snapshot() =>
        (new BillingChange(PlanCode, PlanCode, Status, Status, TermsChanged: false), TrialEndsAt, CurrentPeriodEnd, CancelAtPeriodEnd);

    private BillingChange Compare((BillingChange Change, DateTimeOffset? TrialEndsAt, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd) before) =>
        before.Change with
        {
            ToPlan = PlanCode,
            ToStatus = Status,
            TermsChanged = before.TrialEndsAt != TrialEndsAt || before.CurrentPeriodEnd != CurrentPeriodEnd
                           || before.CancelAtPeriodEnd != CancelAtPeriodEnd,
        };
}
