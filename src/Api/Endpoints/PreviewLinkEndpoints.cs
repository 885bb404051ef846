using IaGenify.Api.Sites;
using IaGenify.Api.Http;
using IaGenify.Application.Websites.Queries.GetPreviewLinkAsset;
using IaGenify.Application.Websites.Queries.IssuePreviewLink;
using IaGenify.Application.Websites.Queries.RenderPreviewLink;
using IaGenify.Domain.Assets;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>
/// Signed preview links: members issue one (<c>POST .../websites/{id}/preview-links</c>), and anyone holding it opens the
/// draft under <c>/preview/{token}/</c> for ten minutes, without a bearer header, so a browser tab or a frontend's
/// iframe can show it. An expired, altered or foreign token is 404 like a page that does not exist.
/// </summary>
internal static class PreviewLinkEndpoints
{
    public static IEndpointRouteBuilder MapPreviewLinkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/workspaces/{workspaceId:guid}/websites/{websiteId:guid}/preview-links", IssuePreviewLinkAsync)
            .WithTags("Websites")
            .WithName("IssuePreviewLink").WithSummary("A signed link that opens the draft preview without credentials for ten minutes.")
            .ProducesProblems(401, 402, 404, 429);

        var links = app.MapGroup("/preview/{token}").WithTags("Websites").AllowAnonymous();
        links.MapGet("", RenderHomeAsync)
            .WithName("OpenPreviewLink").WithSummary("The draft home page, through a signed preview link.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(404, 429);
        links.MapGet("/assets/{assetId:guid}", GetAssetAsync)
            .WithName("GetPreviewLinkAsset").WithSummary("An image the draft shows, through a signed preview link.")
            .Produces(StatusCodes.Status200OK, null, ImageFormats.Png, ImageFormats.Jpeg, ImageFormats.Gif, ImageFormats.Webp)
            .ProducesProblems(404, 429);
        links.MapGet("/{*path}", RenderPageAsync)
            .WithName("OpenPreviewLinkPage").WithSummary("A draft page, through a signed preview link.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(404, 429);
        return app;
    }

    private static async Task<Created<PreviewLinkDto>> IssuePreviewLinkAsync(Guid workspaceId, Guid websiteId, IMediator mediator,
        CancellationToken ct)
    {
        var link = await mediator.Send(new IssuePreviewLink(workspaceId, websiteId), ct);
        return TypedResults.Created(link.Url, link);
    }

    private static Task<IResult> RenderHomeAsync(string token, IMediator mediator, HttpContext http, CancellationToken ct) =>
        RenderAsync(token, "/", mediator, http, ct);

    private static Task<IResult> RenderPageAsync(string token, string? path, IMediator mediator, HttpContext http, CancellationToken ct) =>
        RenderAsync(token, path, mediator, http, ct);

    private static async Task<IResult> RenderAsync(string token, string? path, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var page = await mediator.Send(new RenderPreviewLink(token, path), ct);
        http.Response.Headers.CacheControl = "no-store";
        return SiteEndpoints.Html(http, page, SiteFraming.Preview(http));
    }

    private static async Task<IResult> GetAssetAsync(string token, Guid assetId, IMediator mediator, HttpContext http, CancellationToken ct) =>
        AssetEndpoints.Image(http, await mediator.Send(new GetPreviewLinkAsset(token, assetId), ct), "private, no-store");
}
