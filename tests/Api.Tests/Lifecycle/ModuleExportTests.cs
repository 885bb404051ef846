using System.IO.Compression;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Assets;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Assets;
using IaGenify.Application.Generations;
using IaGenify.Application.Websites;
using IaGenify.Domain.Generations;

namespace IaGenify.Api.Tests.Lifecycle;

/// <summary>An export carries every module's data: websites with their content, the AI jobs, and the images themselves.</summary>
public sealed class ModuleExportTests(ApiFixture fixture) : LifecycleTest(fixture)
{
    [Fact]
    public async Task An_export_contains_websites_generations_and_asset_files()
    {
        var team = await CreateTeamAsync();
        await (await team.Member.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/websites",
            new { name = "Bakery Bliss", prompt = "A bakery in Lyon with fresh croissants" })).ShouldBe(202);
        await DrainGenerationsAsync();
        var uploaded = await team.Member.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/assets", AssetTests.File(AssetTests.Png));
        await uploaded.ShouldBe(201);
        var assetId = (await uploaded.ReadAsync<AssetDto>()).Id;

        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        using var zip = new ZipArchive(await (await team.Admin.Client.GetAsync(export.DownloadUrl)).Content.ReadAsStreamAsync());

        var website = Assert.Single(ExportArchive.Read<List<WebsiteDto>>(zip, "websites.json"));
        Assert.Equal("Bakery Bliss", website.Name);
        Assert.NotEmpty(website.Pages[0].Sections);
        var generation = Assert.Single(ExportArchive.Read<List<GenerationDto>>(zip, "generations.json"));
        Assert.Equal((GenerationKind.Website, GenerationStatus.Succeeded), (generation.Kind, generation.Status));
        var asset = Assert.Single(ExportArchive.Read<List<ArchivedAsset>>(zip, "assets.json"));
        Assert.Equal(assetId, asset.Asset.Id);
        var file = asset.File!;
        using var image = new MemoryStream();
        await zip.GetEntry(file)!.Open().CopyToAsync(image);
        Assert.Equal(AssetTests.Png, image.ToArray());
    }
}
