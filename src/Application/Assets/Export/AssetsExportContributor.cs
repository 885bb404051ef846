using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets.Export;

/// <summary><c>assets.json</c> (what each image is) and the images themselves under <c>assets/</c>.</summary>
internal sealed class AssetsExportContributor(IRepository<Asset> assets, IObjectStorage storage) : IExportContributor
{
    public sealed record Item(AssetDto Asset, string? File);

    public string Name => "assets";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        foreach (var asset in await assets.ListAsync(new All(workspaceId), cancellationToken))
        {
            var file = $"assets/{asset.Id:N}.{ImageFormats.ExtensionOf(asset.ContentType)}";
            var stored = await storage.OpenReadAsync(asset.StorageKey, cancellationToken);
            if (stored is null)
            {
                // A file lost from storage must not stop the export; the manifest says so.
                items.Add(new Item(AssetMapping.ToDto(asset), null));
                continue;
            }
            await using (stored)
                await writer.WriteFileAsync(file, stored.Content, cancellationToken);
            items.Add(new Item(AssetMapping.ToDto(asset), file));
        }
        await writer.WriteJsonAsync("assets.json", items, cancellationToken);
    }

    private sealed class All : Specification<Asset>
    {
        public All(Guid workspaceId)
        {
            Query.Where(a => a.WorkspaceId == workspaceId);
            Query.OrderBy(a => a.Id);
            Query.AsNoTracking();
        }
    }
}
