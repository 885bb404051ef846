using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Domain.Generations;
using System.Text.Json;
using IaGenify.Application.Assets;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Generations;
using IaGenify.Domain.Assets;

namespace IaGenify.Api.Tests.Assets;

public sealed class AssetTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    private static string Assets(Guid workspaceId, string rest = "") => $"/api/v1/workspaces/{workspaceId}/assets{rest}";

    public static MultipartFormDataContent File(byte[] bytes, string name = "photo.png", string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid workspaceId)
    {
        var response = await client.PostAsync(Assets(workspaceId), File(Png));
        await response.ShouldBe(201);
        return (await response.ReadAsync<AssetDto>()).Id;
    }

    [Fact]
    public async Task An_uploaded_image_is_listed_served_to_members_and_deleted()
    {
        var team = await CreateTeamAsync();

        var response = await team.Member.Client.PostAsync(Assets(team.WorkspaceId), File(Png, type: "application/octet-stream"));

        await response.ShouldBe(201);
        var asset = await response.ReadAsync<AssetDto>();
        var id = asset.Id;
        Assert.Equal("image/png", asset.ContentType);
        Assert.Equal(AssetSource.Uploaded, asset.Source);
        Assert.Equal(Png.Length, asset.SizeBytes);
        Assert.Equal("photo.png", asset.FileName);
        var list = await (await team.Viewer.Client.GetAsync(Assets(team.WorkspaceId))).ReadAsync<CursorPage<AssetDto>>();
        Assert.Equal(id, list.Items[0].Id);

        var content = await team.Viewer.Client.GetAsync(Assets(team.WorkspaceId, $"/{id}/content"));
        await content.ShouldBe(200);
        Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await content.Content.ReadAsByteArrayAsync());

        await (await team.Viewer.Client.DeleteAsync(Assets(team.WorkspaceId, $"/{id}"))).ShouldBeProblem(403);
        await (await team.Member.Client.DeleteAsync(Assets(team.WorkspaceId, $"/{id}"))).ShouldBe(204);
        await (await team.Member.Client.GetAsync(Assets(team.WorkspaceId, $"/{id}/content"))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Only_png_jpeg_webp_and_gif_up_to_10_mb_are_accepted_whatever_the_client_claims()
    {
        var team = await CreateTeamAsync();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var gif = "GIF89a"u8.ToArray().Concat(new byte[20]).ToArray();
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 };
        var webp = "RIFF"u8.ToArray().Concat(new byte[4]).Concat("WEBPVP8 "u8.ToArray()).ToArray();
        var big = Png.Concat(new byte[10 * 1024 * 1024]).ToArray();

        await (await team.Member.Client.PostAsync(Assets(team.WorkspaceId), File(svg, "x.png", "image/png"))).ShouldBeProblem(415, "unsupported_media_type");
        await (await team.Member.Client.PostAsync(Assets(team.WorkspaceId), File("hello"u8.ToArray(), "x.txt", "text/plain"))).ShouldBeProblem(415);
        await (await team.Member.Client.PostAsJsonAsync(Assets(team.WorkspaceId), new { file = "x" })).ShouldBeProblem(415);
        await (await team.Member.Client.PostAsync(Assets(team.WorkspaceId), File(big))).ShouldBeProblem(413);
        await (await team.Viewer.Client.PostAsync(Assets(team.WorkspaceId), File(Png))).ShouldBeProblem(403);
        foreach (var (bytes, type) in new[] { (gif, "image/gif"), (jpeg, "image/jpeg"), (webp, "image/webp") })
        {
            var response = await team.Member.Client.PostAsync(Assets(team.WorkspaceId), File(bytes, "any.bin", "application/octet-stream"));
            await response.ShouldBe(201);
            Assert.Equal(type, (await response.ReadAsync<AssetDto>()).ContentType);
        }
    }

    [Fact]
    public async Task An_image_generation_creates_an_asset_and_is_charged_on_success()
    {
        var team = await CreateTeamAsync();
        var submitted = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "image", input = new { prompt = "A loaf of bread at sunrise" } });
        await submitted.ShouldBe(202);
        var body = await submitted.ReadAsync<SubmittedGenerationDto>();
        Assert.Equal(30, body.Price);

        await DrainGenerationsAsync();

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, body.Id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        var output = generation.Output!.Value.Deserialize<ImageGenerationOutput>(ApiJson.Options)!;
        Assert.Equal("offline", output.Provider);
        var assetId = output.AssetId;
        var asset = (await (await team.Viewer.Client.GetAsync(Assets(team.WorkspaceId))).ReadAsync<CursorPage<AssetDto>>()).Items[0];
        Assert.Equal(assetId, asset.Id);
        Assert.Equal(AssetSource.Generated, asset.Source);
        var bytes = await team.Viewer.Client.GetByteArrayAsync(Assets(team.WorkspaceId, $"/{assetId}/content"));
        Assert.Equal(Png[..8], bytes[..8]);
        Assert.Equal((20, 20, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_published_site_serves_its_own_images_publicly_and_nothing_else()
    {
        var team = await CreateTeamAsync();
        var shown = await UploadAsync(team.Member.Client, team.WorkspaceId);
        var hidden = await UploadAsync(team.Member.Client, team.WorkspaceId);
        var other = await CreateTeamAsync();
        var foreign = await UploadAsync(other.Member.Client, other.WorkspaceId);
        var id = await CreateGeneratedWebsiteAsync(team);
        var about = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "about").Id;

        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = "Us", imageAssetId = foreign } })).ShouldBeProblem(400);
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = "Us", imageAssetId = shown } })).ShouldBe(200);
        await (await Anonymous().GetAsync($"/sites/pain-dore/assets/{shown}")).ShouldBe(404);
        await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null);

        var image = await Anonymous().GetAsync($"/sites/pain-dore/assets/{shown}");
        await image.ShouldBe(200);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains($"src=\"/sites/pain-dore/assets/{shown}/", await Anonymous().GetStringAsync("/sites/pain-dore/"));
        Assert.Contains($"src=\"/api/v1/workspaces/{team.WorkspaceId}/assets/{shown}/content\"",
            await team.Member.Client.GetStringAsync(Url(team.WorkspaceId, $"/{id}/preview")));
        await (await Anonymous().GetAsync($"/sites/pain-dore/assets/{hidden}")).ShouldBe(404);
        await (await Anonymous().GetAsync($"/sites/pain-dore/assets/{foreign}")).ShouldBe(404);
        await (await Anonymous().GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/assets/{shown}/content")).ShouldBe(401);

        await (await team.Member.Client.DeleteAsync(Assets(team.WorkspaceId, $"/{shown}"))).ShouldBeProblem(409, "asset.published");
    }

    [Fact]
    public async Task Another_tenant_cannot_read_or_delete_an_asset_with_its_real_id()
    {
        var victim = await CreateTeamAsync();
        var id = await UploadAsync(victim.Member.Client, victim.WorkspaceId);
        var attacker = await CreateTeamAsync();

        await (await attacker.Owner.Client.GetAsync(Assets(victim.WorkspaceId, $"/{id}/content"))).ShouldBeProblem(404);
        await (await attacker.Owner.Client.GetAsync(Assets(attacker.WorkspaceId, $"/{id}/content"))).ShouldBeProblem(404);
        await (await attacker.Owner.Client.DeleteAsync(Assets(attacker.WorkspaceId, $"/{id}"))).ShouldBeProblem(404);
        await (await victim.Member.Client.GetAsync(Assets(victim.WorkspaceId, $"/{id}/content"))).ShouldBe(200);
    }
}
