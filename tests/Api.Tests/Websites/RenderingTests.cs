using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Websites;

namespace IaGenify.Api.Tests.Websites;

public sealed class RenderingTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    [Fact]
    public async Task Members_preview_the_draft_as_a_complete_responsive_html_document_under_a_strict_csp()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);

        var response = await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{id}/preview"));

        await response.ShouldBe(200);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("--primary:#b45309", html);
        Assert.Contains("<h1>Welcome to Pain Doré</h1>", html);
        Assert.Contains($"href=\"/api/v1/workspaces/{team.WorkspaceId}/websites/{id}/preview/about\"", html);
        Assert.Contains("@media", html);

        var about = await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{id}/preview/about"));
        await about.ShouldBe(200);
        Assert.Contains("<title>About Pain Doré – Pain Doré</title>", await about.Content.ReadAsStringAsync());
        await (await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{id}/preview/nowhere"))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Every_section_of_a_generated_page_has_its_own_html_id()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);

        var html = await team.Viewer.Client.GetStringAsync(Url(team.WorkspaceId, $"/{id}/preview"));

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"[a-z]+\" id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(ids.Count > 1, "a generated home page has several sections");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_public_site_shows_the_last_published_revision_only()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var hero = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "hero").Id;

        await (await Anonymous().GetAsync("/sites/pain-dore")).ShouldBeProblem(404);
        await (await team.Viewer.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBeProblem(403);
        var published = await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null);
        await published.ShouldBe(200);
        var publication = await published.ReadAsync<PublishedWebsiteDto>();
        Assert.Equal(1, publication.Revision);
        Assert.Equal("https://app.iagenify.test/sites/pain-dore/", publication.Url);

        var live = await Anonymous().GetAsync("/sites/pain-dore");
        await live.ShouldBe(200);
        var html = await live.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Welcome to Pain Doré</h1>", html);
        Assert.Contains("href=\"/sites/pain-dore/about\"", html);
        Assert.NotNull(live.Headers.GetValues("Content-Security-Policy").Single());
        await (await Anonymous().GetAsync("/sites/pain-dore/contact")).ShouldBe(200);
        await (await Anonymous().GetAsync("/sites/pain-dore/nowhere")).ShouldBe(404);
        await (await Anonymous().GetAsync("/sites/no-such-site")).ShouldBe(404);

        await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{hero}"), new { props = new { heading = "Fresh edit" } });
        Assert.Contains("Welcome to Pain Doré", await Anonymous().GetStringAsync("/sites/pain-dore/"));
        Assert.Contains("Fresh edit", await team.Member.Client.GetStringAsync(Url(team.WorkspaceId, $"/{id}/preview")));

        var again = await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ReadAsync<PublishedWebsiteDto>();
        Assert.Equal(2, again.Revision);
        var republished = await Anonymous().GetStringAsync("/sites/pain-dore/");
        Assert.Contains("<h1>Fresh edit</h1>", republished);
        Assert.DoesNotContain("Welcome to Pain Doré", republished);
        Assert.Equal(2, (await WebsiteAsync(team.Viewer.Client, team.WorkspaceId, id)).PublishedRevision);
    }

    [Fact]
    public async Task The_public_site_of_a_deleted_workspace_is_gone()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null);

        await (await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBe(204);

        await (await Anonymous().GetAsync("/sites/pain-dore")).ShouldBe(404);
    }

    [Fact]
    public async Task Markup_in_prompts_names_and_props_is_rendered_as_text()
    {
        var team = await CreateTeamAsync();
        const string attack = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        var id = await CreateGeneratedWebsiteAsync(team, name: "Evil " + attack, prompt: "\"Evil Corp\" " + attack);
        var website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        var hero = FirstSection(website, "hero").Id;
        var about = FirstSection(website, "about").Id;
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{hero}"),
            new { props = new { heading = attack, subheading = "</style><script>x()</script>", ctaLabel = "<b>Go</b>", ctaHref = "/x\"onmouseover=\"alert(1)" } }))
            .ShouldBe(200);
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "About", body = attack + "\n\n<iframe src=//evil>" } })).ShouldBe(200);
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{website.Pages[0].Id}"),
            new { title = attack, description = attack })).ShouldBe(200);
        var slug = (await WebsiteAsync(team.Member.Client, team.WorkspaceId, id)).Slug;
        await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null);

        foreach (var html in new[]
                 {
                     await team.Member.Client.GetStringAsync(Url(team.WorkspaceId, $"/{id}/preview")),
                     await Anonymous().GetStringAsync($"/sites/{slug}/"),
                     await Anonymous().GetStringAsync($"/sites/{slug}/about"),
                 })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
            Assert.Equal(1, CountOf(html, "</style>"));
        }
        var preview = await team.Member.Client.GetStringAsync(Url(team.WorkspaceId, $"/{id}/preview"));
        Assert.Contains("&lt;script&gt;", preview);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
