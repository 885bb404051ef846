using System.Text.Json.Nodes;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Generations.Generators;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Assets.Generators;

/// <summary>A succeeded image generation becomes an asset of its workspace, in the transaction that charges it.</summary>
internal sealed class AssetGenerationCompletion(IRepository<Asset> assets, TimeProvider clock) : IGenerationCompletion
{
    public bool Handles(Generation generation) => generation.Kind == GenerationKind.Image;

    public Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken)
    {
        var assetId = (Guid)output["assetId"]!;
        assets.Add(Asset.Generated(assetId, generation.WorkspaceId, (string)output["contentType"]!, (long)output["sizeBytes"]!,
            (string?)output["contentHash"], AssetFiles.StorageKey(generation.WorkspaceId, assetId), generation.Id, generation.RequestedBy, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task OnFailedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
}
