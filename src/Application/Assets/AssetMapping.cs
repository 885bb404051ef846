using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets;

internal static class AssetMapping
{
    public static AssetDto ToDto(Asset asset) =>
        new(asset.Id, asset.Source, asset.ContentType, asset.SizeBytes, asset.FileName, asset.GenerationId, asset.CreatedAt);
}
