using IaGenify.Application.Analytics.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Analytics;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Commands.SetReportSubscription;

/// <summary>
/// The caller chooses, for themself only, whether they receive the workspace's weekly analytics report by email.
/// Anyone who may read analytics may receive it (Viewer and up).
/// </summary>
/// <param name="Weekly">True to receive the report every Monday (covering the previous UTC week), false to stop.</param>
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record SetReportSubscription(Guid WorkspaceId, bool? Weekly) : ICommand<ReportSubscriptionDto>, IWorkspaceRequest;

internal sealed class SetReportSubscriptionHandler(
    RequestContext context,
    IRepository<AnalyticsReportSubscription> subscriptions,
    IRepository<Membership> memberships,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<SetReportSubscription, ReportSubscriptionDto>
{
    public async Task<ReportSubscriptionDto> Handle(SetReportSubscription request, CancellationToken cancellationToken)
    {
        var userId = ReportSubscriber.Of(context.Principal);
        var now = clock.GetUtcNow();
        var subscription = await subscriptions.FirstOrDefaultAsync(
            new ReportSubscriptionOfUserSpec(request.WorkspaceId, userId, tracking: true), cancellationToken);
        if (subscription is null)
        {
            var membership = await memberships.FirstOrNotFoundAsync(new MembershipOfUserSpec(request.WorkspaceId, userId), "Workspace",
                cancellationToken);
            subscription = AnalyticsReportSubscription.Create(request.WorkspaceId, membership.Id, userId, now);
            subscriptions.Add(subscription);
        }
        subscription.SetWeekly(request.Weekly!.Value, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new ReportSubscriptionDto(subscription.Weekly);
    }
}
