using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Assets;
using IaGenify.Api.Tests.Support;

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
        var assetId = (await uploaded.Json()).GetProperty("id").GetGuid();

        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        using var zip = new ZipArchive(await (await team.Admin.Client.GetAsync(export.GetProperty("downloadUrl").GetString())).Content.ReadAsStreamAsync());

        var website = Assert.Single(Json(zip, "websites.json").EnumerateArray());
        Assert.Equal("Bakery Bliss", website.GetProperty("name").GetString());
        Assert.NotEmpty(website.GetProperty("pages")[0].GetProperty("sections").EnumerateArray());
        var generation = Assert.Single(Json(zip, "generations.json").EnumerateArray());
        Assert.Equal(("website", "succeeded"), (generation.GetProperty("kind").GetString(), generation.GetProperty("status").GetString()));
        var asset = Assert.Single(Json(zip, "assets.json").EnumerateArray());
        Assert.Equal(assetId, asset.GetProperty("asset").GetProperty("id").GetGuid());
        var file = asset.GetProperty("file").GetString()!;
        using var image = new MemoryStream();
        await zip.GetEntry(file)!.Open().CopyToAsync(image);
        Assert.Equal(AssetTests.Png, image.ToArray());
    }

    private static JsonElement Json(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
    }
}
