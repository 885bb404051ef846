using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetSiteTimeseries;

/// <summary>
/// Visitors, page views and conversions per hour or per day, every bucket present (zeros when empty). Days run from
/// midnight to midnight in <see cref="TimeZone"/> (an IANA name, UTC by default); bucket times are UTC instants.
/// </summary>
/// <param name="From">First day (yyyy-MM-dd).</param>
/// <param name="To">Last day included (yyyy-MM-dd).</param>
/// <param name="Interval">hour or day.</param>
/// <param name="TimeZone">IANA time zone of the days, e.g. Europe/Paris (UTC by default).</param>
[AiTool("analytics_timeseries", "Get a website's visitors, page views and conversions per hour or per day.", ReadOnly = true)]
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetSiteTimeseries(Guid WorkspaceId, Guid WebsiteId, DateOnly? From = null, DateOnly? To = null,
    string? Interval = null, string? TimeZone = null) : IQuery<TimeseriesDto>, IWorkspaceRequest;

internal sealed class GetSiteTimeseriesHandler(IAnalyticsReader reader, TimeProvider clock) : IRequestHandler<GetSiteTimeseries, TimeseriesDto>
{
    public async Task<TimeseriesDto> Handle(GetSiteTimeseries request, CancellationToken cancellationToken)
    {
        if (!await reader.SiteExistsAsync(request.WorkspaceId, request.WebsiteId, cancellationToken))
            throw new NotFoundException("Website");
        var intervalName = request.Interval ?? "day";
        AnalyticsNames.TryFindTimeZone(request.TimeZone, out var timeZone);
        var points = await reader.TimeseriesAsync(request.WorkspaceId, request.WebsiteId,
            AnalyticsPeriod.Range(request.From, request.To, clock), AnalyticsNames.Intervals[intervalName], timeZone, cancellationToken);
        return new TimeseriesDto(intervalName, points);
    }
}
