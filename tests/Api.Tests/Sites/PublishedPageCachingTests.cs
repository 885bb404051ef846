using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;

namespace IaGenify.Api.Tests.Sites;

/// <summary>Published pages as browsers and CDNs see them: cacheable, conditional, compressed, and never stale after a publish.</summary>
public sealed class PublishedPageCachingTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    private async Task<(Team Team, Guid WebsiteId)> PublishedSiteAsync()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);
        return (team, websiteId);
    }

    private static HttpRequestMessage Get(string url, string? ifNoneMatch = null, string? acceptEncoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [Fact]
    public async Task A_page_carries_a_strong_etag_and_cache_headers_and_a_matching_If_None_Match_is_304_without_a_body()
    {
        await PublishedSiteAsync();

        var first = await Anonymous().SendAsync(Get("/sites/pain-dore/about"));
        await first.ShouldBe(200);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60, stale-while-revalidate=600", first.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", first.Headers.Vary);

        var again = await Anonymous().SendAsync(Get("/sites/pain-dore/about", ifNoneMatch: etag.Tag));
        Assert.Equal(304, (int)again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag.Tag, again.Headers.ETag!.Tag);

        var other = await Anonymous().SendAsync(Get("/sites/pain-dore/", ifNoneMatch: etag.Tag));
        await other.ShouldBe(200);
        Assert.NotEqual(etag.Tag, other.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body_before_the_page_is_cached_too()
    {
        await PublishedSiteAsync();

        // Nothing has been cached since the publish: the endpoint answers this HEAD itself.
        var head = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/sites/pain-dore/about"));
        await head.ShouldBe(200);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/html", head.Content.Headers.ContentType!.MediaType);

        var get = await Anonymous().SendAsync(Get("/sites/pain-dore/about"));
        await get.ShouldBe(200);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        await (await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/sites/pain-dore/missing"))).ShouldBe(404);
    }

    [Fact]
    public async Task Pages_are_sent_brotli_or_gzip_compressed_as_the_client_accepts_and_decompress_to_the_same_html()
    {
        await PublishedSiteAsync();
        var plain = await (await Anonymous().SendAsync(Get("/sites/pain-dore/"))).Content.ReadAsStringAsync();

        var brotli = await Anonymous().SendAsync(Get("/sites/pain-dore/", acceptEncoding: "gzip, deflate, br"));
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        await using (var decoded = new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
            Assert.Equal(plain, await new StreamReader(decoded, Encoding.UTF8).ReadToEndAsync());

        var gzip = await Anonymous().SendAsync(Get("/sites/pain-dore/", acceptEncoding: "gzip;q=1.0, br;q=0"));
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        await using (var decoded = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
            Assert.Equal(plain, await new StreamReader(decoded, Encoding.UTF8).ReadToEndAsync());
        Assert.True(gzip.Content.Headers.ContentLength < Encoding.UTF8.GetByteCount(plain));

        // Every representation is the same content, so any of their ETags makes a 304.
        var notModified = await Anonymous().SendAsync(Get("/sites/pain-dore/", ifNoneMatch: brotli.Headers.ETag!.Tag));
        Assert.Equal(304, (int)notModified.StatusCode);
    }

    [Fact]
    public async Task Publishing_again_serves_the_new_revision_at_once_and_old_etags_no_longer_match()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        var before = await Anonymous().SendAsync(Get("/sites/pain-dore/"));
        var oldTag = before.Headers.ETag!.Tag;

        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{websiteId}"), new { name = "Pain Doré & Fils" })).ShouldBe(200);
        Assert.Equal(oldTag, (await Anonymous().SendAsync(Get("/sites/pain-dore/"))).Headers.ETag!.Tag);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);

        var after = await Anonymous().SendAsync(Get("/sites/pain-dore/", ifNoneMatch: oldTag));
        await after.ShouldBe(200);
        Assert.Contains("Pain Doré &amp; Fils", await after.Content.ReadAsStringAsync());

        await (await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{websiteId}"))).ShouldBe(204);
        await (await Anonymous().SendAsync(Get("/sites/pain-dore/"))).ShouldBe(404);
    }

    [Fact]
    public async Task A_publish_on_one_instance_reaches_the_cache_of_another_within_a_second()
    {
        var (team, websiteId) = await PublishedSiteAsync();
        await using var replica = new ApiFactory(Fixture.ConnectionString);
        var visitor = replica.CreateClient();
        var cached = await visitor.GetStringAsync("/sites/pain-dore/");
        Assert.DoesNotContain("Pain Doré &amp; Fils", cached);

        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{websiteId}"), new { name = "Pain Doré & Fils" })).ShouldBe(200);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        string html;
        do
        {
            html = await visitor.GetStringAsync("/sites/pain-dore/");
        }
        while (!html.Contains("Pain Doré &amp; Fils") && DateTime.UtcNow < deadline && await Task.Delay(20).ContinueWith(_ => true));
        Assert.Contains("Pain Doré &amp; Fils", html);
    }
}
