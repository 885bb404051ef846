using System.Text.Json.Nodes;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Assets.Generators;

/// <summary>
/// Asks the image model for a picture, checks that it is an image we accept, and stores it under the asset id the
/// generation will create (the generation's own id, so a retry overwrites rather than leaves a stray object).
/// </summary>
internal sealed class ImageGenerator(IImageModel model, IObjectStorage storage, IOptionsMonitor<AiOptions> options) : IGenerator
{
    public GenerationKind Kind => GenerationKind.Image;
    public string Operation => "image.generate";

    public async Task<JsonObject> GenerateAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var reply = await model.GenerateAsync(new ImageModelRequest(job.Input.Prompt, options.CurrentValue.ImageSize, job.Settings), cancellationToken);
        byte[] bytes;
        string contentType;
        try
        {
            (bytes, contentType) = await AssetFiles.ReadImageAsync(new MemoryStream(reply.Content), cancellationToken);
        }
        catch (Exception ex) when (ex is UnsupportedMediaTypeException or PayloadTooLargeException)
        {
            throw OutputInvalidException.For("image", "The model did not answer with a PNG, JPEG, WebP or GIF image of at most 10 MB.");
        }
        var assetId = job.GenerationId;
        await storage.PutAsync(AssetFiles.StorageKey(job.WorkspaceId, assetId), new MemoryStream(bytes), contentType, cancellationToken);
        return new JsonObject
        {
            ["assetId"] = assetId,
            ["contentType"] = contentType,
            ["sizeBytes"] = (long)bytes.Length,
            ["contentHash"] = AssetFiles.ContentHash(bytes),
            ["provider"] = reply.Provider,
            ["model"] = reply.Model,
        };
    }
}
