using IaGenify.Api.Tests.Support;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Analytics;

/// <summary>The writer refills two batches in turn and computes a visitor's hash once per batch.</summary>
public sealed class BatchPreparationTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    private static AnalyticsEvent View(string slug, string path, string ip, string agent, DateTimeOffset at) =>
        new(AnalyticsEventKind.PageView, at, slug, null, null, path, null, null, null, null, "desktop", "firefox",
            new VisitorIdentity(ip, agent));

    [Fact]
    public async Task A_refilled_batch_holds_only_its_new_events()
    {
        var team = await CreateTeamAsync();
        var (_, slug) = await PublishSiteAsync(team);
        var store = Factory.Services.GetRequiredService<AnalyticsBatchStore>();
        var now = Clock.GetUtcNow();
        var batch = new AnalyticsBatch();

        await store.PrepareAsync([View(slug, "/", "10.0.0.1", Firefox, now), View(slug, "/about", "10.0.0.2", Chrome, now),
            View(slug, "/menu", "10.0.0.3", Firefox, now.AddMonths(-1))], batch, CancellationToken.None);
        Assert.Equal(3, batch.Events.Count);
        Assert.Equal(2, batch.Months.Count);

        await store.PrepareAsync([View(slug, "/contact", "10.0.0.9", Chrome, now)], batch, CancellationToken.None);

        var only = Assert.Single(batch.Events);
        Assert.Equal("/contact", only.Event.Path);
        Assert.Single(batch.Visitors);
        Assert.Single(batch.PageVisitors);
        Assert.Single(batch.Months);
        Assert.Equal(1, batch.Hours.Values.Sum(h => h.Pageviews));
        Assert.Equal(["/contact"], batch.Dimensions.Keys.Where(k => k.Dimension == (short)AnalyticsDimension.Page).Select(k => k.Value));
    }

    [Fact]
    public async Task A_visitor_hashed_once_in_a_batch_gets_the_hash_of_each_view_hashed_alone()
    {
        var team = await CreateTeamAsync();
        var (_, slug) = await PublishSiteAsync(team);
        var store = Factory.Services.GetRequiredService<AnalyticsBatchStore>();
        var now = Clock.GetUtcNow();

        var together = await store.PrepareAsync([View(slug, "/", "10.0.0.1", Firefox, now), View(slug, "/about", "10.0.0.1", Firefox, now),
            View(slug, "/", "10.0.0.1", Chrome, now)], new AnalyticsBatch(), CancellationToken.None);
        var alone = await store.PrepareAsync([View(slug, "/about", "10.0.0.1", Firefox, now)], new AnalyticsBatch(), CancellationToken.None);
        var otherAgent = await store.PrepareAsync([View(slug, "/", "10.0.0.1", Chrome, now)], new AnalyticsBatch(), CancellationToken.None);

        var hashes = together.Events.Select(e => e.VisitorHash).ToArray();
        Assert.Equal(hashes[0], hashes[1]);
        Assert.Equal(alone.Events[0].VisitorHash, hashes[1]);
        Assert.Equal(otherAgent.Events[0].VisitorHash, hashes[2]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.Equal(2, together.VisitorHashes.Count);
    }

    [Fact]
    public async Task Raw_events_are_stored_field_for_field_with_nulls_and_non_ASCII_text()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        var store = Factory.Services.GetRequiredService<AnalyticsBatchStore>();
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_560);
        var tagged = new AnalyticsEvent(AnalyticsEventKind.PageView, at, slug, null, null, "/carte/crème-brûlée",
            "news.example", "newsletter", "email", "hiver 🥐", "mobile", "safari", new VisitorIdentity("10.0.0.1", Firefox));
        var plain = new AnalyticsEvent(AnalyticsEventKind.Conversion, at, null, team.WorkspaceId, siteId, "/contact",
            null, null, null, null, null, null, null);

        Assert.Equal(2, await store.StoreAsync([tagged, plain], CancellationToken.None));

        var row = await ScalarAsync<string>("""
            SELECT string_agg(concat_ws('|', workspace_id, website_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),
                kind, path, coalesce(referrer_host, '∅'), coalesce(utm_source, '∅'), coalesce(utm_medium, '∅'),
                coalesce(utm_campaign, '∅'), coalesce(device, '∅'), coalesce(browser, '∅'), visitor_hash IS NOT NULL), E'\n' ORDER BY kind)
            FROM analytics_events WHERE website_id = @site
            """, ("site", siteId));
        Assert.Equal(string.Join('\n',
            $"{team.WorkspaceId}|{siteId}|2026-12-07 07:30:15.123456|{(short)AnalyticsEventKind.PageView}|/carte/crème-brûlée|news.example|newsletter|email|hiver 🥐|mobile|safari|t",
            $"{team.WorkspaceId}|{siteId}|2026-12-07 07:30:15.123456|{(short)AnalyticsEventKind.Conversion}|/contact|∅|∅|∅|∅|∅|∅|f"), row);
    }
}
