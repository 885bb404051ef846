using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Queries.GetLiveVisitors;
using IaGenify.Application.Analytics.Queries.GetSiteBreakdown;
using IaGenify.Application.Analytics.Queries.GetSiteSummary;
using IaGenify.Application.Analytics.Queries.GetSiteTimeseries;
using IaGenify.Application.Analytics.Queries.GetUsage;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Analytics dashboards (Viewer and up): published sites' traffic from rollups, and the workspace's usage.</summary>
internal static class AnalyticsEndpoints
{
    private const string RangeNote =
        " `from` and `to` are UTC dates (yyyy-MM-dd), both included; by default the last 30 days ending today. At most 400 days." +
        " Visitors over several days are the sum of each day's visitors: the salt of the visitor hash changes every UTC day" +
        " (and is deleted after 48 hours), so unique visitors across days cannot be known, by design.";

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/analytics").WithTags("Analytics")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        analytics.MapGet("/sites/{websiteId:guid}/summary", GetSummaryAsync)
            .WithName("GetAnalyticsSummary")
            .WithSummary("A site's visitors, page views, views per visit, conversions and conversion rate, with the previous period")
            .WithDescription("`comparison` covers the period of the same length just before." + RangeNote +
                             " `conversionRate` is conversions per visitor (0 to 1).")
            .WithSiteProblems();

        analytics.MapGet("/sites/{websiteId:guid}/timeseries", GetTimeseriesAsync)
            .WithName("GetAnalyticsTimeseries")
            .WithSummary("A site's visitors, page views and conversions per hour or day, empty buckets as zeros")
            .WithDescription("`interval` is `hour` or `day` (default). `tz` (an IANA zone, default UTC) sets where days begin;" +
                             " `t` is always the UTC instant a bucket starts. Hourly visitors count each daily visitor once, in" +
                             " the hour of their first view." + RangeNote)
            .WithSiteProblems();

        analytics.MapGet("/sites/{websiteId:guid}/breakdown", GetBreakdownAsync)
            .WithName("GetAnalyticsBreakdown")
            .WithSummary("A site's top pages, referrers, devices, browsers or UTM values")
            .WithDescription("`dimension` is one of page, referrer, device, browser, utmSource, utmMedium, utmCampaign; `limit` 1-100" +
                             " (default 10). Referrer and UTM visitors are credited to the source of each visitor's first view of" +
                             " the day; `(direct)` is views without an outside referrer." + RangeNote)
            .WithSiteProblems();

        analytics.MapGet("/sites/{websiteId:guid}/live", GetLiveAsync)
            .WithName("GetAnalyticsLiveVisitors")
            .WithSummary("Distinct visitors of a site in the last five minutes")
            .WithDescription("Events reach storage within about a second of the view. Visitors who send Sec-GPC are not counted.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        analytics.MapGet("/usage", GetUsageAsync)
            .WithName("GetAnalyticsUsage")
            .WithSummary("Credits consumed per operation and generations per kind and status, per bucket")
            .WithDescription("Read from the credit ledger: `creditsConsumed` is the sum of captured holds (by their operation) and" +
                             " negative adjustments in the bucket. Generations are counted in the bucket they were submitted in," +
                             " with the credits captured for them. `interval` is `day` (default) or `hour`, in UTC." + RangeNote)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static RouteHandlerBuilder WithSiteProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<SiteSummaryDto>> GetSummaryAsync(Guid workspaceId, Guid websiteId, DateOnly? from, DateOnly? to,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSiteSummary(workspaceId, websiteId, from, to), ct));

    private static async Task<Ok<TimeseriesDto>> GetTimeseriesAsync(Guid workspaceId, Guid websiteId, DateOnly? from, DateOnly? to,
        string? interval, string? tz, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSiteTimeseries(workspaceId, websiteId, from, to, interval, tz), ct));

    private static async Task<Ok<BreakdownDto>> GetBreakdownAsync(Guid workspaceId, Guid websiteId, string? dimension, DateOnly? from,
        DateOnly? to, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSiteBreakdown(workspaceId, websiteId, dimension ?? "", from, to,
            limit ?? GetSiteBreakdown.DefaultLimit), ct));

    private static async Task<Ok<LiveVisitorsDto>> GetLiveAsync(Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLiveVisitors(workspaceId, websiteId), ct));

    private static async Task<Ok<UsageDto>> GetUsageAsync(Guid workspaceId, DateOnly? from, DateOnly? to, string? interval,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetUsage(workspaceId, from, to, interval), ct));
}
