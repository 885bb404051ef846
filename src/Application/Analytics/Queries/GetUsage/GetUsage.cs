using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetUsage;

/// <summary>
/// Credits consumed per operation and generations per kind and status, per UTC bucket, read from the credit ledger
/// and the generations themselves so that the figures are the ledger's.
/// </summary>
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetUsage(Guid WorkspaceId, DateOnly? From = null, DateOnly? To = null, string? Interval = null)
    : IQuery<UsageDto>, IWorkspaceRequest;

internal sealed class GetUsageHandler(IAnalyticsReader reader, TimeProvider clock) : IRequestHandler<GetUsage, UsageDto>
{
    public async Task<UsageDto> Handle(GetUsage request, CancellationToken cancellationToken)
    {
        var intervalName = request.Interval ?? "day";
        var points = await reader.UsageAsync(request.WorkspaceId, AnalyticsPeriod.Range(request.From, request.To, clock),
            AnalyticsNames.Intervals[intervalName], cancellationToken);
        return new UsageDto(intervalName, points);
    }
}
