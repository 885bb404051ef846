using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Websites.Domains;

namespace IaGenify.Api.Tests.Sites;

/// <summary>A website's <c>allowedFrameAncestors</c> on its own verified domain, where the site sits at the root.</summary>
public sealed class CustomDomainFramingTests : WebsiteTestBase, IClassFixture<DomainFixture>
{
    private readonly DomainFixture _domains;
    private readonly ApiFactory _factory;

    public CustomDomainFramingTests(ApiFixture fixture, DomainFixture domains) : base(fixture)
    {
        _domains = domains;
        _factory = domains.FactoryFor(fixture);
        _factory.Clock.Reset();
    }

    protected override ApiFactory Factory => _factory;

    private static string FrameAncestorsOf(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        return csp[csp.LastIndexOf("; ", StringComparison.Ordinal)..].TrimStart(';', ' ');
    }

    [Fact]
    public async Task Pages_on_a_custom_domain_may_be_framed_by_the_listed_origins_and_a_304_says_so_too()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);
        await SubscribeToPlanAsync(team.WorkspaceId);
        var domains = $"/api/v1/workspaces/{team.WorkspaceId}/websites/{websiteId}/domains";
        var added = await team.Member.Client.PostAsJsonAsync(domains, new { hostname = "framed.example" });
        await added.ShouldBe(201);
        var domain = await added.ReadAsync<CustomDomainDto>();
        await _domains.Dns.SetRecordsAsync((domain.Verification.Name, domain.Verification.Value));
        await (await team.Member.Client.PostAsync($"{domains}/{domain.Id}/verify", null)).ShouldBe(200);

        var before = await Anonymous().GetAsync("http://framed.example/about");
        await before.ShouldBe(200);
        Assert.Equal("frame-ancestors 'self'", FrameAncestorsOf(before));
        Assert.Equal("SAMEORIGIN", before.Headers.GetValues("X-Frame-Options").Single());

        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{websiteId}"),
            new { allowedFrameAncestors = new[] { "https://portal.partner.example:8443" } })).ShouldBe(200);

        var page = await Anonymous().GetAsync("http://framed.example/about");
        await page.ShouldBe(200);
        Assert.Equal("frame-ancestors 'self' https://portal.partner.example:8443", FrameAncestorsOf(page));
        Assert.False(page.Headers.Contains("X-Frame-Options"));

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "http://framed.example/about");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", before.Headers.ETag!.Tag);
        var notModified = await Anonymous().SendAsync(revalidate);
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.Equal("frame-ancestors 'self' https://portal.partner.example:8443", FrameAncestorsOf(notModified));
        Assert.False(notModified.Headers.Contains("X-Frame-Options"));
    }
}
