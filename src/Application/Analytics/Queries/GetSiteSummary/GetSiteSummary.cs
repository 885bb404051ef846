using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetSiteSummary;

/// <summary>
/// A site's numbers over whole UTC days, with the previous period of the same length. Visitors are the sum of each
/// day's visitors: daily salts make one visitor on two days two visitors, by design.
/// </summary>
/// <param name="From">First day (yyyy-MM-dd, UTC); defaults to the last 30 days.</param>
/// <param name="To">Last day included (yyyy-MM-dd, UTC).</param>
[AiTool("analytics_summary", "Get a website's visitors, page views and conversions over a date range, with the previous period.", ReadOnly = true)]
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetSiteSummary(Guid WorkspaceId, Guid WebsiteId, DateOnly? From = null, DateOnly? To = null)
    : IQuery<SiteSummaryDto>, IWorkspaceRequest;

internal sealed class GetSiteSummaryHandler(IAnalyticsReader reader, TimeProvider clock) : IRequestHandler<GetSiteSummary, SiteSummaryDto>
{
    public async Task<SiteSummaryDto> Handle(GetSiteSummary request, CancellationToken cancellationToken)
    {
        if (!await reader.SiteExistsAsync(request.WorkspaceId, request.WebsiteId, cancellationToken))
            throw new NotFoundException("Website");
        var range = AnalyticsPeriod.Range(request.From, request.To, clock);
        var (current, previous) = await reader.TotalsAsync(request.WorkspaceId, request.WebsiteId, range, cancellationToken);
        return new SiteSummaryDto(current.Visitors, current.Pageviews, Ratio(current.Pageviews, current.Visitors, 2),
            current.Conversions, Ratio(current.Conversions, current.Visitors, 4),
            new PeriodComparisonDto(previous.Visitors, previous.Pageviews));
    }

    private static double Ratio(long part, long whole, int digits) => whole == 0 ? 0 : Math.Round((double)part / whole, digits);
}
