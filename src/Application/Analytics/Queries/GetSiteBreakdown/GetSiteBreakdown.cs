using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetSiteBreakdown;

/// <summary>The top values of a dimension over whole UTC days, most visitors first.</summary>
/// <param name="Dimension">page, referrer, device, browser, utmSource, utmMedium or utmCampaign.</param>
/// <param name="From">First day (yyyy-MM-dd, UTC).</param>
/// <param name="To">Last day included (yyyy-MM-dd, UTC).</param>
[AiTool("analytics_breakdown", "Get a website's top pages, referrers, devices, browsers or UTM values by visitors.", ReadOnly = true)]
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetSiteBreakdown(Guid WorkspaceId, Guid WebsiteId, string Dimension, DateOnly? From = null, DateOnly? To = null,
    int Limit = GetSiteBreakdown.DefaultLimit) : IQuery<BreakdownDto>, IWorkspaceRequest
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

internal sealed class GetSiteBreakdownHandler(IAnalyticsReader reader, TimeProvider clock) : IRequestHandler<GetSiteBreakdown, BreakdownDto>
{
    public async Task<BreakdownDto> Handle(GetSiteBreakdown request, CancellationToken cancellationToken)
    {
        if (!await reader.SiteExistsAsync(request.WorkspaceId, request.WebsiteId, cancellationToken))
            throw new NotFoundException("Website");
        var items = await reader.BreakdownAsync(request.WorkspaceId, request.WebsiteId, AnalyticsPeriod.Range(request.From, request.To, clock),
            AnalyticsNames.Dimensions[request.Dimension], request.Limit, cancellationToken);
        return new BreakdownDto(request.Dimension, items);
    }
}
