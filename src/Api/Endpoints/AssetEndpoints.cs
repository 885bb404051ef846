using IaGenify.Application.Assets;
using IaGenify.Application.Assets.Commands.DeleteAsset;
using IaGenify.Application.Assets.Commands.UploadAsset;
using IaGenify.Application.Assets.Queries.ListAssets;
using IaGenify.Application.Assets.Queries.GetAssetContent;
using IaGenify.Application.Assets.Queries.GetPublishedAsset;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Assets;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class AssetEndpoints
{
    /// <summary>The image limit plus room for the multipart envelope; the image itself is checked by the command.</summary>
    private const long UploadBodyLimit = Asset.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/assets").WithTags("Assets");

        // The form is read here but judged by the command, after authorization: an outsider learns nothing from it.
        assets.MapPost("", async Task<Created<AssetDto>> (Guid workspaceId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var file = await FileOfAsync(request, ct);
            await using var content = file?.OpenReadStream();
            var asset = await mediator.Send(new UploadAsset(workspaceId, file?.FileName, content), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/assets/{asset.Id}", asset);
        }).WithMetadata(new RequestSizeLimitAttribute(UploadBodyLimit)).DisableAntiforgery();

        assets.MapGet("", async Task<Ok<CursorPage<AssetDto>>> (Guid workspaceId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAssets(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        assets.MapGet("/{assetId:guid}/content", async (Guid workspaceId, Guid assetId, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            var content = await mediator.Send(new GetAssetContent(workspaceId, assetId), ct);
            return Image(http, content, "private, max-age=300");
        });

        assets.MapDelete("/{assetId:guid}", async Task<NoContent> (Guid workspaceId, Guid assetId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteAsset(workspaceId, assetId), ct);
            return TypedResults.NoContent();
        });

        app.MapGet("/sites/{slug}/assets/{assetId:guid}", async (string slug, Guid assetId, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            var content = await mediator.Send(new GetPublishedAsset(slug, assetId), ct);
            return Image(http, content, "public, max-age=3600");
        }).WithTags("Published sites");
        return app;
    }

    private static async Task<IFormFile?> FileOfAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return null;
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Images are served with their sniffed type, never sniffed again by the browser, and inert.</summary>
    private static IResult Image(HttpContext http, AssetContent content, string cacheControl)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = cacheControl;
        return Results.Stream(content.Content, content.ContentType, enableRangeProcessing: true);
    }
}
