using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Websites.Queries.IssuePreviewLink;

namespace IaGenify.Api.Tests.Sites;

public sealed class FramingTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    // Platform:AppUrl is not set in the tests, so the frontend's origin is Platform:PublicUrl's.
    private const string AppOrigin = "https://app.iagenify.test";

    [Fact]
    public async Task A_published_page_may_be_framed_by_the_site_only_and_its_304_says_so_too()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);

        var page = await Anonymous().GetAsync("/sites/pain-dore/");

        await page.ShouldBe(200);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp);
        Assert.EndsWith("; frame-ancestors 'self'", csp);
        Assert.Equal("SAMEORIGIN", page.Headers.GetValues("X-Frame-Options").Single());

        var again = new HttpRequestMessage(HttpMethod.Get, "/sites/pain-dore/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        var notModified = await Anonymous().SendAsync(again);
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.Equal(csp, notModified.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", notModified.Headers.GetValues("X-Frame-Options").Single());

        var thanks = await Anonymous().GetAsync("/sites/pain-dore/contact/thanks");
        await thanks.ShouldBe(200);
        Assert.EndsWith("; frame-ancestors 'self'", thanks.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", thanks.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Previews_and_signed_preview_links_may_be_framed_by_the_frontend_only()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);

        var preview = await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{id}/preview"));
        await preview.ShouldBe(200);
        var csp = preview.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'", csp);
        Assert.EndsWith($"; frame-ancestors {AppOrigin}", csp);
        Assert.False(preview.Headers.Contains("X-Frame-Options"));

        var link = await (await team.Viewer.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/preview-links"), null)).ReadAsync<PreviewLinkDto>();
        var opened = await Anonymous().GetAsync(new Uri(link.Url).AbsolutePath);
        await opened.ShouldBe(200);
        Assert.EndsWith($"; frame-ancestors {AppOrigin}", opened.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(opened.Headers.Contains("X-Frame-Options"));
    }
}
