using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Websites;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaGenify.Api.Tests.Sites;

/// <summary>
/// A website's <c>allowedFrameAncestors</c>: validated origins that may frame its published pages besides the site
/// itself, served in every published page's CSP (cached pages, 304s, contact pages, other instances) at once.
/// </summary>
public sealed class FrameAncestorsTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    private sealed record ValidationProblem(int Status, string Code, Dictionary<string, string[]> Errors);

    private sealed record Problem(int Status, string Code);

    private const string SelfOnly = "frame-ancestors 'self'";

    private async Task<(Team Team, Guid WebsiteId)> PublishedSiteAsync()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);
        return (team, websiteId);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid workspaceId, Guid websiteId, object body) =>
        client.PatchAsJsonAsync(Url(workspaceId, $"/{websiteId}"), body);

    private static string FrameAncestorsOf(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        return csp[csp.LastIndexOf("; ", StringComparison.Ordinal)..].TrimStart(';', ' ');
    }

    private static string? XFrameOptionsOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Frame-Options", out var values) ? values.Single() : null;

    private static HttpRequestMessage Conditional(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return request;
    }

    [Fact]
    public async Task Origins_are_stored_canonical_and_every_published_page_may_then_be_framed_by_them_without_X_Frame_Options()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        var before = await Anonymous().GetAsync("/sites/pain-dore/about");
        await before.ShouldBe(200);
        Assert.Equal(SelfOnly, FrameAncestorsOf(before));
        Assert.Equal("SAMEORIGIN", XFrameOptionsOf(before));
        var oldTag = before.Headers.ETag!.Tag;

        var updated = await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId, new
        {
            allowedFrameAncestors = new[] { " https://Partner.Example/ ", "http://localhost:3000", "https://bücher.example:443", "https://partner.example" },
        });
        await updated.ShouldBe(200);
        string[] expected = ["https://partner.example", "http://localhost:3000", "https://xn--bcher-kva.example"];
        Assert.Equal(expected, (await updated.ReadAsync<WebsiteDto>()).AllowedFrameAncestors);
        var read = await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{websiteId}"));
        Assert.Equal(expected, (await read.ReadAsync<WebsiteDto>()).AllowedFrameAncestors);

        const string Framed = "frame-ancestors 'self' https://partner.example http://localhost:3000 https://xn--bcher-kva.example";
        var page = await Anonymous().GetAsync("/sites/pain-dore/about");
        await page.ShouldBe(200);
        Assert.Equal(Framed, FrameAncestorsOf(page));
        Assert.Null(XFrameOptionsOf(page));
        Assert.Equal(oldTag, page.Headers.ETag!.Tag);

        // The browser revalidating its copy gets the new policy with the 304.
        var notModified = await Anonymous().SendAsync(Conditional("/sites/pain-dore/about", oldTag));
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.Equal(Framed, FrameAncestorsOf(notModified));
        Assert.Null(XFrameOptionsOf(notModified));

        var thanks = await Anonymous().GetAsync("/sites/pain-dore/contact/thanks");
        await thanks.ShouldBe(200);
        Assert.Equal(Framed, FrameAncestorsOf(thanks));
        Assert.Null(XFrameOptionsOf(thanks));

        var noRedirects = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await noRedirects.PostAsync("/sites/pain-dore/contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Bob", ["email"] = "not-an-address", ["message"] = "", ["page"] = "/", ["website"] = "",
        }));
        await refused.ShouldBe(400);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Framed, FrameAncestorsOf(refused));
        Assert.Null(XFrameOptionsOf(refused));

        // Previews keep framing to the frontend only.
        var preview = await team.Viewer.Client.GetAsync(Url(team.WorkspaceId, $"/{websiteId}/preview"));
        await preview.ShouldBe(200);
        Assert.Equal("frame-ancestors https://app.iagenify.test", FrameAncestorsOf(preview));

        var audit = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=website.framing_changed"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        var entry = Assert.Single(audit.Items);
        Assert.Equal(("website", websiteId.ToString()), (entry.TargetType, entry.TargetId));
        Assert.Equal(string.Join(' ', expected), entry.Details["allowedFrameAncestors"]);
    }

    [Fact]
    public async Task Leaving_the_field_out_keeps_the_origins_and_an_empty_list_brings_back_self_only_with_SAMEORIGIN()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        await (await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId,
            new { allowedFrameAncestors = new[] { "https://partner.example" } })).ShouldBe(200);
        var framed = await Anonymous().GetAsync("/sites/pain-dore/");
        Assert.Equal("frame-ancestors 'self' https://partner.example", FrameAncestorsOf(framed));
        var tag = framed.Headers.ETag!.Tag;

        var renamed = await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId, new { name = "Pain Doré & Fils" });
        await renamed.ShouldBe(200);
        Assert.Equal(["https://partner.example"], (await renamed.ReadAsync<WebsiteDto>()).AllowedFrameAncestors);

        var reset = await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId, new { allowedFrameAncestors = Array.Empty<string>() });
        await reset.ShouldBe(200);
        Assert.Empty((await reset.ReadAsync<WebsiteDto>()).AllowedFrameAncestors);

        var page = await Anonymous().GetAsync("/sites/pain-dore/");
        Assert.Equal(SelfOnly, FrameAncestorsOf(page));
        Assert.Equal("SAMEORIGIN", XFrameOptionsOf(page));
        var notModified = await Anonymous().SendAsync(Conditional("/sites/pain-dore/", tag));
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.Equal(SelfOnly, FrameAncestorsOf(notModified));
        Assert.Equal("SAMEORIGIN", XFrameOptionsOf(notModified));
    }

    private static readonly (string Rule, object Origins)[] InvalidLists =
    [
        ("path", new[] { "https://partner.example/embed" }),
        ("query", new[] { "https://partner.example?x=1" }),
        ("fragment", new[] { "https://partner.example/#top" }),
        ("user info", new[] { "https://user:secret@partner.example" }),
        ("wildcard", new[] { "https://*.partner.example" }),
        ("bare wildcard", new[] { "*" }),
        ("http off loopback", new[] { "http://partner.example" }),
        ("other scheme", new[] { "javascript:alert(1)" }),
        ("keyword", new[] { "'self'" }),
        ("header injection", new[] { "https://partner.example; script-src *" }),
        ("garbage", new[] { "not an origin" }),
        ("empty entry", new[] { "" }),
        ("null entry", new string?[] { null }),
        ("too many", Enumerable.Range(1, 11).Select(i => $"https://site{i}.example").ToArray()),
        ("not a list", "https://partner.example"),
    ];

    [Fact]
    public async Task An_invalid_list_is_a_400_on_allowedFrameAncestors_and_changes_nothing()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);

        foreach (var (rule, origins) in InvalidLists)
        {
            var response = await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId, new { name = "Renamed", allowedFrameAncestors = origins });

            Assert.True(400 == (int)response.StatusCode, $"{rule}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.ReadAsync<ValidationProblem>();
            Assert.Equal("validation_failed", problem.Code);
            Assert.True(problem.Errors.ContainsKey("allowedFrameAncestors"), $"{rule}: {string.Join(", ", problem.Errors.Keys)}");
        }
        var website = await (await team.Member.Client.GetAsync(Url(team.WorkspaceId, $"/{websiteId}"))).ReadAsync<WebsiteDto>();
        Assert.Equal(("Pain Doré", 0), (website.Name, website.AllowedFrameAncestors.Count));
    }

    [Fact]
    public async Task Ten_origins_with_duplicates_are_accepted()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        var origins = Enumerable.Range(1, 10).Select(i => $"https://site{i}.example").Concat(["https://SITE1.example/"]).ToArray();

        var response = await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId, new { allowedFrameAncestors = origins });

        await response.ShouldBe(200);
        Assert.Equal(origins.Take(10), (await response.ReadAsync<WebsiteDto>()).AllowedFrameAncestors);
    }

    [Fact]
    public async Task Only_editors_of_the_website_s_own_workspace_may_change_who_frames_it()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        var other = await CreateTeamAsync();
        var body = new { allowedFrameAncestors = new[] { "https://attacker.example" } };

        var viewer = await PatchAsync(team.Viewer.Client, team.WorkspaceId, websiteId, body);
        await viewer.ShouldBe(403);
        Assert.Equal(403, (await viewer.ReadAsync<Problem>()).Status);
        var crossTenant = await PatchAsync(other.Owner.Client, other.WorkspaceId, websiteId, body);
        await crossTenant.ShouldBe(404);
        Assert.Equal("not_found", (await crossTenant.ReadAsync<Problem>()).Code);
        await (await PatchAsync(other.Owner.Client, team.WorkspaceId, websiteId, body)).ShouldBe(404);

        var page = await Anonymous().GetAsync("/sites/pain-dore/");
        Assert.Equal(SelfOnly, FrameAncestorsOf(page));
        Assert.Empty((await (await team.Member.Client.GetAsync(Url(team.WorkspaceId, $"/{websiteId}"))).ReadAsync<WebsiteDto>())
            .AllowedFrameAncestors);
    }

    [Fact]
    public async Task A_change_reaches_the_page_cache_of_another_instance_within_a_second()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        await using var replica = new ApiFactory(Fixture.ConnectionString);
        var visitor = replica.CreateClient();
        Assert.Equal(SelfOnly, FrameAncestorsOf(await visitor.GetAsync("/sites/pain-dore/")));

        await (await PatchAsync(team.Member.Client, team.WorkspaceId, websiteId,
            new { allowedFrameAncestors = new[] { "https://partner.example" } })).ShouldBe(200);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        string frameAncestors;
        do
        {
            frameAncestors = FrameAncestorsOf(await visitor.GetAsync("/sites/pain-dore/"));
        }
        while (frameAncestors == SelfOnly && DateTime.UtcNow < deadline && await Task.Delay(20).ContinueWith(_ => true));
        Assert.Equal("frame-ancestors 'self' https://partner.example", frameAncestors);
    }
}
