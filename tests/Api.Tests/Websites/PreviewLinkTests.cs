using System.Net.Http.Json;
using IaGenify.Api.Tests.Assets;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Assets;
using IaGenify.Application.Websites.Queries.IssuePreviewLink;

namespace IaGenify.Api.Tests.Websites;

public sealed class PreviewLinkTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    [Fact]
    public async Task A_viewer_issues_a_link_that_opens_the_draft_without_credentials_for_ten_minutes()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var before = DateTimeOffset.UtcNow;

        var issued = await team.Viewer.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/preview-links"), null);

        await issued.ShouldBe(201);
        var link = await issued.ReadAsync<PreviewLinkDto>();
        var url = new Uri(link.Url);
        Assert.Equal(url, issued.Headers.Location);
        Assert.StartsWith("/preview/", url.AbsolutePath);
        var expiresAt = link.ExpiresAt;
        Assert.InRange(expiresAt - before, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.5));

        var page = await Anonymous().GetAsync(url.PathAndQuery);
        await page.ShouldBe(200);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.StartsWith("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Welcome to Pain Doré</h1>", html);
        // Navigation stays under the link, and the draft is what is shown (nothing was published).
        Assert.Contains($"href=\"{url.AbsolutePath}about\"", html);
        var about = await Anonymous().GetAsync($"{url.AbsolutePath}about");
        await about.ShouldBe(200);
        Assert.Contains("<title>About Pain Doré – Pain Doré</title>", await about.Content.ReadAsStringAsync());
        await (await Anonymous().GetAsync($"{url.AbsolutePath}nowhere")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_tampered_or_malformed_token_is_refused_with_404()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var otherTeam = await CreateTeamAsync();
        var other = await CreateGeneratedWebsiteAsync(otherTeam, "Other Shop");
        var token = await TokenAsync(team.Member.Client, team.WorkspaceId, id);
        var otherToken = await TokenAsync(otherTeam.Member.Client, otherTeam.WorkspaceId, other);
        var (payload, mac) = (token.Split('.')[0], token.Split('.')[1]);

        var flipped = payload[..10] + (payload[10] == 'A' ? 'B' : 'A') + payload[11..];
        foreach (var forged in new[]
                 {
                     $"{flipped}.{mac}",
                     $"{payload}.{mac[..^2]}{(mac[^2] == 'A' ? 'B' : 'A')}{mac[^1]}",
                     $"{otherToken.Split('.')[0]}.{mac}",
                     $"{payload}.{otherToken.Split('.')[1]}",
                     payload,
                     "not-a-token",
                     $"{payload}=.{mac}",
                 })
        {
            var refused = await (await Anonymous().GetAsync($"/preview/{forged}/")).ShouldBeProblem(404);
            Assert.DoesNotContain("Pain", refused.RawText);
        }
        await (await Anonymous().GetAsync($"/preview/{token}/")).ShouldBe(200);
        Assert.Contains("Other Shop", await Anonymous().GetStringAsync($"/preview/{otherToken}/"));
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_404()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var token = await TokenAsync(team.Member.Client, team.WorkspaceId, id);
        await (await Anonymous().GetAsync($"/preview/{token}/")).ShouldBe(200);

        Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2));

        await (await Anonymous().GetAsync($"/preview/{token}/")).ShouldBeProblem(404);
        await (await Anonymous().GetAsync($"/preview/{token}/about")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Outsiders_cannot_issue_links_for_another_workspace_and_anonymous_callers_must_sign_in()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var outsider = await RegisterAsync();
        var outsiderWorkspace = await CreateWorkspaceAsync(outsider);

        await (await outsider.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/preview-links"), null)).ShouldBeProblem(404);
        // The website id under the outsider's own workspace does not exist either.
        await (await outsider.Client.PostAsync(Url(outsiderWorkspace, $"/{id}/preview-links"), null)).ShouldBeProblem(404);
        await (await Anonymous().PostAsync(Url(team.WorkspaceId, $"/{id}/preview-links"), null)).ShouldBeProblem(401);
    }

    [Fact]
    public async Task A_link_serves_the_images_its_draft_shows_and_no_other_asset()
    {
        var team = await CreateTeamAsync();
        var shown = await UploadAsync(team.Member.Client, team.WorkspaceId);
        var hidden = await UploadAsync(team.Member.Client, team.WorkspaceId);
        var other = await CreateTeamAsync();
        var foreign = await UploadAsync(other.Member.Client, other.WorkspaceId);
        var id = await CreateGeneratedWebsiteAsync(team);
        var about = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "about").Id;
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = "Us", imageAssetId = shown } })).ShouldBe(200);
        var token = await TokenAsync(team.Member.Client, team.WorkspaceId, id);

        var html = await Anonymous().GetStringAsync($"/preview/{token}/") + await Anonymous().GetStringAsync($"/preview/{token}/about");
        Assert.Contains($"src=\"/preview/{token}/assets/{shown}\"", html);
        var image = await Anonymous().GetAsync($"/preview/{token}/assets/{shown}");
        await image.ShouldBe(200);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        await (await Anonymous().GetAsync($"/preview/{token}/assets/{hidden}")).ShouldBeProblem(404);
        await (await Anonymous().GetAsync($"/preview/{token}/assets/{foreign}")).ShouldBeProblem(404);
    }

    private static async Task<string> TokenAsync(HttpClient client, Guid workspaceId, Guid websiteId)
    {
        var response = await client.PostAsync(Url(workspaceId, $"/{websiteId}/preview-links"), null);
        await response.ShouldBe(201);
        var path = new Uri((await response.ReadAsync<PreviewLinkDto>()).Url).AbsolutePath;
        return path.Split('/')[2];
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid workspaceId)
    {
        var response = await client.PostAsync($"/api/v1/workspaces/{workspaceId}/assets", AssetTests.File(AssetTests.Png));
        await response.ShouldBe(201);
        return (await response.ReadAsync<AssetDto>()).Id;
    }
}
