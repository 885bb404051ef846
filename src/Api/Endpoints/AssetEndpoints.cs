using IaGenify.Api.Http;
using IaGenify.Application.Assets;
using IaGenify.Application.Assets.Commands.DeleteAsset;
using IaGenify.Application.Assets.Commands.UploadAsset;
using IaGenify.Application.Assets.Queries.ListAssets;
using IaGenify.Application.Assets.Queries.GetAssetContent;
using IaGenify.Application.Assets.Queries.GetPublishedAsset;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Assets;
using MediatR;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Microsoft.Net.Http.Headers;

namespace IaGenify.Api.Endpoints;

internal static class AssetEndpoints
{
    /// <summary>The image limit plus room for the multipart envelope; the image itself is checked by the command.</summary>
    private const long UploadBodyLimit = Asset.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/assets").WithTags("Assets");

        assets.MapPost("", UploadAssetAsync).WithMetadata(new RequestSizeLimitAttribute(UploadBodyLimit)).DisableAntiforgery()
            .WithName("UploadAsset").WithSummary("Upload an image (multipart field `file`); its type is sniffed from its bytes.")
            .AddOpenApiOperationTransformer(DocumentUploadForm)
            .ProducesProblems(400, 401, 402, 403, 404, 413, 415, 423, 429);
        assets.MapGet("", ListAssetsAsync)
            .WithName("ListAssets").WithSummary("The images of a workspace, a page at a time.")
            .ProducesProblems(400, 401, 402, 404, 429);
        assets.MapGet("/{assetId:guid}/content", GetAssetContentAsync)
            .WithName("GetAssetContent").WithSummary("An image's bytes, for members.")
            .Produces(StatusCodes.Status200OK, null, ImageFormats.Png, ImageFormats.Jpeg, ImageFormats.Gif, ImageFormats.Webp)
            .ProducesProblems(401, 402, 404, 429);
        assets.MapDelete("/{assetId:guid}", DeleteAssetAsync)
            .WithName("DeleteAsset").WithSummary("Delete an image that no published site uses.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);

        app.MapGet("/sites/{slug}/assets/{assetId:guid}", GetPublishedAssetAsync).WithTags("Published sites").AllowAnonymous()
            .WithName("GetPublishedAsset").WithSummary("An image used by a published site, for anyone.")
            .Produces(StatusCodes.Status200OK, null, ImageFormats.Png, ImageFormats.Jpeg, ImageFormats.Gif, ImageFormats.Webp)
            .ProducesProblems(404, 429);
        return app;
    }

    // The form is read here but judged by the command, after authorization: an outsider learns nothing from it.
    private static async Task<Created<AssetDto>> UploadAssetAsync(Guid workspaceId, HttpRequest request, IMediator mediator,
        CancellationToken ct)
    {
        var file = await FileOfAsync(request, ct);
        await using var content = file?.OpenReadStream();
        var asset = await mediator.Send(new UploadAsset(workspaceId, file?.FileName, content), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/assets/{asset.Id}", asset);
    }

    private static async Task<Ok<CursorPage<AssetDto>>> ListAssetsAsync(Guid workspaceId, int? limit, string? cursor, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAssets(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<IResult> GetAssetContentAsync(Guid workspaceId, Guid assetId, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        var content = await mediator.Send(new GetAssetContent(workspaceId, assetId), ct);
        return Image(http, content, "private, max-age=300");
    }

    private static async Task<NoContent> DeleteAssetAsync(Guid workspaceId, Guid assetId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteAsset(workspaceId, assetId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetPublishedAssetAsync(string slug, Guid assetId, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        var content = await mediator.Send(new GetPublishedAsset(slug, assetId), ct);
        return Image(http, content, "public, max-age=3600");
    }

    /// <summary>
    /// The form is read by hand (see <see cref="UploadAssetAsync"/>), so it is described here; <c>Accepts</c> would
    /// also make routing refuse other content types before authorization.
    /// </summary>
    private static Task DocumentUploadForm(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            Required = new HashSet<string> { "file" },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
        };
        return Task.CompletedTask;
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
    internal static IResult Image(HttpContext http, AssetContent content, string cacheControl)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = cacheControl;
        // The hash names the bytes, so it is a strong validator: a revalidation answers 304 without sending them again.
        var etag = content.ContentHash is { } hash ? new EntityTagHeaderValue($"\"{hash}\"") : null;
        return Results.Stream(content.Content, content.ContentType, entityTag: etag, enableRangeProcessing: true);
    }
}
