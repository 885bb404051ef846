using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;

namespace IaGenify.Api.Tests.Sites;

/// <summary>
/// A page already in the page cache is served before routing, authentication and the rate limiter; everything else
/// keeps going through them. See docs/decisions.md, "Cached published pages skip the pipeline".
/// </summary>
public sealed class CachedPageFastPathTests(ApiFixture fixture) : WebsiteTestBase(fixture), IAsyncLifetime
{
    private ApiFactory? _limited;

    /// <summary>An anonymous allowance small enough to run out within a test.</summary>
    protected override ApiFactory Factory => _limited ??= new ApiFactory(Fixture.ConnectionString,
        settings: new Dictionary<string, string?> { ["RateLimits:Anonymous:PermitLimit"] = "40" });

    private async Task PublishAsync()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);
    }

    [Fact]
    public async Task Once_the_anonymous_allowance_is_spent_cached_pages_are_still_served_and_renders_are_refused()
    {
        await PublishAsync();
        var client = Anonymous();
        var cached = await client.GetAsync("/sites/pain-dore/about");
        await cached.ShouldBe(200);

        // Pages that do not exist are never cached: each one goes through the limiter until it refuses.
        var refused = false;
        for (var i = 0; i < 100 && !refused; i++)
            refused = (int)(await client.GetAsync($"/sites/pain-dore/missing-{i}")).StatusCode == 429;
        Assert.True(refused, "The anonymous limit never refused an uncached page.");

        var again = await client.GetAsync("/sites/pain-dore/about");
        await again.ShouldBe(200);
        Assert.Equal(cached.Headers.ETag, again.Headers.ETag);
        Assert.Equal(await cached.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("frame-ancestors 'self'", FrameAncestors(again));
        await (await client.GetAsync("/sites/pain-dore/")).ShouldBeProblem(429, "rate_limited");
    }

    [Fact]
    public async Task A_cached_page_keeps_the_query_guard_and_answers_HEAD_without_a_body()
    {
        await PublishAsync();
        var client = Anonymous();
        var page = await client.GetAsync("/sites/pain-dore/about");
        await page.ShouldBe(200);

        await (await client.GetAsync("/sites/pain-dore/about?utm_source=%00")).ShouldBeProblem(400, "validation_failed");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/sites/pain-dore/about"));
        await head.ShouldBe(200);
        Assert.Equal(page.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    private static string FrameAncestors(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_limited is not null)
            await _limited.DisposeAsync();
    }
}
