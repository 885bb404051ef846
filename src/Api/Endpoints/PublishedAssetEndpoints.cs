using IaGenify.Api.Http;
using IaGenify.Application.Assets.Queries.GetPublishedAsset;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Common;
using MediatR;

namespace IaGenify.Api.Endpoints;

/// <summary>
/// A published site's image at the URL that names its bytes (<c>/sites/{slug}/assets/{id}/{contentHash}</c>, the URL
/// published pages link): the bytes under an id never change, so the response may be kept for a year without
/// revalidation. The plain <c>/sites/{slug}/assets/{id}</c> keeps answering with a short cache lifetime.
/// </summary>
internal static class PublishedAssetEndpoints
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapPublishedAssetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sites/{slug}/assets/{assetId:guid}/{contentHash}", GetPublishedAssetVersionAsync).WithTags("Published sites")
            .AllowAnonymous()
            .WithName("GetPublishedAssetVersion")
            .WithSummary("An image used by a published site, for anyone, at the URL carrying its SHA-256; cacheable for a year.")
            .Produces(StatusCodes.Status200OK, null, ImageFormats.Png, ImageFormats.Jpeg, ImageFormats.Gif, ImageFormats.Webp)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404, 429);
        return app;
    }

    // A hash other than the image's is a URL that never existed: 404, so no cache keeps other bytes under it.
    private static async Task<IResult> GetPublishedAssetVersionAsync(string slug, Guid assetId, string contentHash, IMediator mediator,
        HttpContext http, CancellationToken ct)
    {
        if (!Asset.IsContentHash(contentHash))
            throw new NotFoundException("Asset");
        var content = await mediator.Send(new GetPublishedAsset(slug, assetId), ct);
        if (content.ContentHash != contentHash)
        {
            await content.Content.DisposeAsync();
            throw new NotFoundException("Asset");
        }
        return AssetEndpoints.Image(http, content, ImmutableCacheControl);
    }
}
