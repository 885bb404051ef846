using IaGenify.Api.Http;
using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Commands.SetReportSubscription;
using IaGenify.Application.Analytics.Queries.GetReportSubscription;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>The caller's own choice of the weekly analytics report email (Viewer and up, each member for themself).</summary>
internal static class AnalyticsReportEndpoints
{
    public sealed record ReportSubscriptionBody(bool? Weekly);

    private const string ReportNote =
        " The report covers the last complete UTC week (Monday to Sunday) over all the workspace's sites: visitors, page" +
        " views, top pages, conversions and credits used. It is sent on Monday, once per member and week, to the" +
        " member's verified email address. API keys have no mailbox: they get 403.";

    public static IEndpointRouteBuilder MapAnalyticsReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/analytics/report-subscription").WithTags("Analytics")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        reports.MapGet("", GetReportSubscriptionAsync)
            .WithName("GetAnalyticsReportSubscription")
            .WithSummary("Whether you receive this workspace's weekly analytics report by email")
            .WithDescription("`weekly` is false until you opt in." + ReportNote)
            .ProducesProblems(401, 403, 404);

        reports.MapPut("", SetReportSubscriptionAsync)
            .WithName("SetAnalyticsReportSubscription")
            .WithSummary("Opt in to (or out of) this workspace's weekly analytics report by email")
            .WithDescription("`{ \"weekly\": true }` to receive the report, false to stop. It changes your own subscription only." + ReportNote)
            .ProducesProblems(400, 401, 403, 404, 413, 415, 423);
        return app;
    }

    private static async Task<Ok<ReportSubscriptionDto>> GetReportSubscriptionAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReportSubscription(workspaceId), ct));

    private static async Task<Ok<ReportSubscriptionDto>> SetReportSubscriptionAsync(Guid workspaceId, ReportSubscriptionBody body,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetReportSubscription(workspaceId, body.Weekly), ct));
}
