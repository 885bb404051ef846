using IaGenify.Application.Analytics.Specifications;
using IaGenify.Application.Common.Exceptions;
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
        var weekly = request.Weekly!.Value;
        var subscription = await subscriptions.FirstOrDefaultAsync(
            new ReportSubscriptionOfUserSpec(request.WorkspaceId, userId, tracking: true), cancellationToken);
        if (subscription is not null)
        {
            subscription.SetWeekly(weekly, now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new ReportSubscriptionDto(subscription.Weekly);
        }

        var membership = await memberships.FirstOrNotFoundAsync(new MembershipOfUserSpec(request.WorkspaceId, userId), "Workspace",
            cancellationToken);
        subscription = AnalyticsReportSubscription.Create(request.WorkspaceId, membership.Id, userId, now);
        subscription.SetWeekly(weekly, now);
        subscriptions.Add(subscription);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The same choice sent twice at once (a double click): the first request created the row, and the answer
            // is the same. Contradictory choices at the same instant stay a conflict.
            var stored = await subscriptions.FirstOrDefaultAsync(new ReportSubscriptionOfUserSpec(request.WorkspaceId, userId), cancellationToken);
            if (stored?.Weekly != weekly)
                throw;
        }
        return new ReportSubscriptionDto(weekly);
    }
}
