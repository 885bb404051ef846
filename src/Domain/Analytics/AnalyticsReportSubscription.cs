using IaGenify.Domain.Common;

namespace IaGenify.Domain.Analytics;

/// <summary>
/// A member's choice to receive the workspace's weekly analytics report by email. It belongs to the membership:
/// leaving the workspace ends it, and only the member themself changes it.
/// </summary>
public sealed class AnalyticsReportSubscription : Entity, ITenantOwned
{
    private AnalyticsReportSubscription()
    {
    }

    public Guid WorkspaceId { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid UserId { get; private set; }
    public bool Weekly { get; private set; }

    /// <summary>When the choice last changed: a report covers only weeks that end after the member opted in.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public static AnalyticsReportSubscription Create(Guid workspaceId, Guid membershipId, Guid userId, DateTimeOffset now) =>
        new()
        {
            WorkspaceId = Required(workspaceId, nameof(workspaceId)),
            MembershipId = Required(membershipId, nameof(membershipId)),
            UserId = Required(userId, nameof(userId)),
            UpdatedAt = now,
        };

    private static Guid Required(Guid id, string name) =>
        id == Guid.Empty ? throw new ArgumentException($"{name} must not be empty.", name) : id;

    public void SetWeekly(bool weekly, DateTimeOffset now)
    {
        if (Weekly == weekly)
            return;
        Weekly = weekly;
        UpdatedAt = now;
    }
}
