using Ardalis.Specification;
using IaGenify.Domain.Analytics;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Analytics.Specifications;

public sealed class ReportSubscriptionOfUserSpec : Specification<AnalyticsReportSubscription>
{
    public ReportSubscriptionOfUserSpec(Guid workspaceId, Guid userId, bool tracking = false)
    {
        Query.Where(s => s.WorkspaceId == workspaceId && s.UserId == userId);
        if (!tracking)
            Query.AsNoTracking();
    }
}

public sealed class MembershipOfUserSpec : Specification<Membership>
{
    public MembershipOfUserSpec(Guid workspaceId, Guid userId) =>
        Query.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).AsNoTracking();
}
