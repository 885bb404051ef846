using System.Net.Http.Json;
using System.Security.Cryptography;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Assets;

namespace IaGenify.Api.Tests.Assets;

public sealed class PublishedAssetCachingTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    private static readonly string PngHash = Convert.ToHexStringLower(SHA256.HashData(AssetTests.Png));

    [Fact]
    public async Task A_published_page_links_its_images_by_content_hash_and_that_url_is_cached_for_a_year()
    {
        var team = await CreateTeamAsync();
        var upload = await team.Member.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/assets", AssetTests.File(AssetTests.Png));
        await upload.ShouldBe(201);
        var shown = (await upload.ReadAsync<AssetDto>()).Id;
        var id = await CreateGeneratedWebsiteAsync(team);
        var about = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "about").Id;
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = "Us", imageAssetId = shown } })).ShouldBe(200);
        var versioned = $"/sites/pain-dore/assets/{shown}/{PngHash}";
        await (await Anonymous().GetAsync(versioned)).ShouldBe(404);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);

        Assert.Contains($"src=\"{versioned}\"", await Anonymous().GetStringAsync("/sites/pain-dore/"));
        var image = await Anonymous().GetAsync(versioned);
        await image.ShouldBe(200);
        Assert.Equal(AssetTests.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl?.ToString());
        Assert.Equal($"\"{PngHash}\"", image.Headers.ETag?.ToString());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());

        // The plain URL pages linked before still answers, with a short lifetime, and both revalidate with 304.
        var plain = await Anonymous().GetAsync($"/sites/pain-dore/assets/{shown}");
        await plain.ShouldBe(200);
        Assert.Equal("public, max-age=3600", plain.Headers.CacheControl?.ToString());
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, versioned);
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", $"\"{PngHash}\"");
        await (await Anonymous().SendAsync(revalidate)).ShouldBe(304);

        // A URL naming other bytes never existed; a revision that no longer shows the image no longer serves it.
        await (await Anonymous().GetAsync($"/sites/pain-dore/assets/{shown}/{new string('0', 64)}")).ShouldBe(404);
        await (await Anonymous().GetAsync($"/sites/pain-dore/assets/{shown}/not-a-hash")).ShouldBe(404);
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = "Us" } })).ShouldBe(200);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);
        await (await Anonymous().GetAsync(versioned)).ShouldBe(404);
    }
}
