using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>
/// The workspace's plan does not allow the action (→ 402: upgrading fixes it, unlike a role's 403).
/// <see cref="Limit"/> is the count the plan allows, null for a feature the plan does not include.
/// </summary>
public sealed class PlanLimitException : DomainException
{
    private PlanLimitException(string code, string message, string plan, string entitlement, int? limit) : base(code, message)
    {
        Plan = plan;
        Entitlement = entitlement;
        Limit = limit;
    }

    public string Plan { get; }
    public string Entitlement { get; }
    public int? Limit { get; }

    public static PlanLimitException LimitReached(string plan, string planName, string entitlement, string what, int limit) =>
        new("plan_limit_reached", $"The {planName} plan allows at most {limit} {what}. Upgrade the plan to add more.",
            plan, entitlement, limit);

    public static PlanLimitException FeatureUnavailable(string plan, string planName, string entitlement, string feature) =>
        new("plan_feature_unavailable", $"The {planName} plan does not include {feature}. Upgrade the plan to use it.",
            plan, entitlement, null);
}
