using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Analytics.Queries.GetLiveVisitors;

/// <summary>Distinct visitors of a site in the last five minutes (visitors who sent Sec-GPC are not counted).</summary>
[RequiresPermission(Permission.AnalyticsRead)]
public sealed record GetLiveVisitors(Guid WorkspaceId, Guid WebsiteId) : IQuery<LiveVisitorsDto>, IWorkspaceRequest
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
}

internal sealed class GetLiveVisitorsHandler(IAnalyticsReader reader, TimeProvider clock) : IRequestHandler<GetLiveVisitors, LiveVisitorsDto>
{
    public async Task<LiveVisitorsDto> Handle(GetLiveVisitors request, CancellationToken cancellationToken)
    {
        if (!await reader.SiteExistsAsync(request.WorkspaceId, request.WebsiteId, cancellationToken))
            throw new NotFoundException("Website");
        var since = clock.GetUtcNow() - GetLiveVisitors.Window;
        return new LiveVisitorsDto(await reader.VisitorsSinceAsync(request.WorkspaceId, request.WebsiteId, since, cancellationToken), since);
    }
}
