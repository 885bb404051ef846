using IaGenify.Application.Analytics.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Analytics;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetReportSubscription;

/// <summary>Whether the caller receives the workspace's weekly analytics report (false until they opt in).</summary>
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetReportSubscription(Guid WorkspaceId) : IQuery<ReportSubscriptionDto>, IWorkspaceRequest;

internal sealed class GetReportSubscriptionHandler(RequestContext context, IRepository<AnalyticsReportSubscription> subscriptions)
    : IRequestHandler<GetReportSubscription, ReportSubscriptionDto>
{
    public async Task<ReportSubscriptionDto> Handle(GetReportSubscription request, CancellationToken cancellationToken)
    {
        var userId = ReportSubscriber.Of(context.Principal);
        var subscription = await subscriptions.FirstOrDefaultAsync(new ReportSubscriptionOfUserSpec(request.WorkspaceId, userId), cancellationToken);
        return new ReportSubscriptionDto(subscription?.Weekly ?? false);
    }
}
