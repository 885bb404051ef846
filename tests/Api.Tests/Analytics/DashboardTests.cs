using IaGenify.Api.Tests.Support;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Analytics;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Analytics;

namespace IaGenify.Api.Tests.Analytics;

public sealed class DashboardTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    private static readonly string[] Pages = ["/", "/about", "/contact", "/services"];
    private static readonly string[] Agents = [Firefox, Chrome, IPhoneSafari];
    private static readonly string?[] Referrers = [null, "google.com", "news.example.org"];
    private static readonly string?[] Sources = [null, "newsletter", "ads"];

    private IAnalyticsCollector Collector => Factory.Services.GetRequiredService<IAnalyticsCollector>();

    /// <summary>Page views straight into the collector, as the middleware hands them over, from a few dozen visitors.</summary>
    private int RecordMany(string slug, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var agent = Agents[random.Next(Agents.Length)];
            var visitor = new VisitorIdentity($"10.0.0.{random.Next(12)}", agent);
            var source = new TrafficSource(Referrers[random.Next(Referrers.Length)], Sources[random.Next(Sources.Length)], null, null);
            Assert.True(Collector.RecordPageView(new PageViewHit(slug, Pages[random.Next(Pages.Length)], source,
                UserAgentClassifier.Classify(agent), random.Next(10) == 0 ? null : visitor)));
        }
        return count;
    }

    [Fact]
    public async Task Rollups_equal_a_recount_from_raw_events()
    {
        var team = await CreateTeamAsync();
        var (_, slug) = await PublishSiteAsync(team);

        var total = RecordMany(slug, 300, seed: 1);
        await FlushAsync(total);
        Clock.Advance(TimeSpan.FromHours(25));
        total += RecordMany(slug, 200, seed: 2);
        await FlushAsync(total);

        // Days: views, exact distinct visitors per day.
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT workspace_id, website_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS pageviews,
                       count(DISTINCT visitor_hash) AS visitors, 0::bigint AS conversions
                FROM analytics_events GROUP BY 1, 2, 3
                EXCEPT SELECT workspace_id, website_id, day, pageviews, visitors, conversions FROM analytics_site_days) d
            """));
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM analytics_site_days"));
        // Hours: views per hour; visitors in the hour of their first view of the day.
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT v.workspace_id, v.website_id, v.hour, v.pageviews, coalesce(f.visitors, 0) FROM (
                    SELECT workspace_id, website_id, date_trunc('hour', occurred_at, 'UTC') AS hour, count(*) AS pageviews
                    FROM analytics_events GROUP BY 1, 2, 3) v
                LEFT JOIN (
                    SELECT workspace_id, website_id, first_hour, count(*) AS visitors FROM (
                        SELECT workspace_id, website_id, visitor_hash, min(date_trunc('hour', occurred_at, 'UTC')) AS first_hour
                        FROM analytics_events WHERE visitor_hash IS NOT NULL
                        GROUP BY workspace_id, website_id, (occurred_at AT TIME ZONE 'UTC')::date, visitor_hash) x
                    GROUP BY 1, 2, 3) f ON f.workspace_id = v.workspace_id AND f.website_id = v.website_id AND f.first_hour = v.hour
                EXCEPT SELECT workspace_id, website_id, hour, pageviews, visitors FROM analytics_site_hours) d
            """));
        // Pages and devices: views and exact distinct visitors per day.
        foreach (var (dimension, column) in new[] { (1, "path"), (3, "device"), (4, "browser") })
        {
            Assert.Equal(0, await ScalarAsync($"""
                SELECT count(*) FROM (
                    SELECT (occurred_at AT TIME ZONE 'UTC')::date, {column}, count(*), count(DISTINCT visitor_hash)
                    FROM analytics_events GROUP BY 1, 2
                    EXCEPT SELECT day, value, pageviews, visitors FROM analytics_dimension_days WHERE dimension = {dimension}) d
                """));
        }
        // Sources: views, and visitors credited to the source of their first view of the day.
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT v.day, v.value, v.pageviews, coalesce(f.visitors, 0) FROM (
                    SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(referrer_host, '') AS value, count(*) AS pageviews
                    FROM analytics_events GROUP BY 1, 2) v
                LEFT JOIN (
                    SELECT day, value, count(*) AS visitors FROM (
                        SELECT DISTINCT ON (visitor_hash, (occurred_at AT TIME ZONE 'UTC')::date)
                            (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(referrer_host, '') AS value
                        FROM analytics_events WHERE visitor_hash IS NOT NULL
                        ORDER BY visitor_hash, (occurred_at AT TIME ZONE 'UTC')::date, occurred_at) x
                    GROUP BY 1, 2) f ON f.day = v.day AND f.value = v.value
                EXCEPT SELECT day, value, pageviews, visitors FROM analytics_dimension_days WHERE dimension = 2) d
            """));
    }

    [Fact]
    public async Task Timeseries_fill_empty_buckets_with_zeros()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        await VisitAsync($"/sites/{slug}", Firefox);
        await FlushAsync(1);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-6).ToString("yyyy-MM-dd");

        var days = await GetOkAsync<TimeseriesDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/timeseries?from={from}&to={Today}&interval=day"));
        Assert.Equal("day", days.Interval);
        var points = days.Points;
        Assert.Equal(7, points.Count);
        Assert.Equal(new DateTimeOffset(today.AddDays(-6).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), points[0].T);
        Assert.All(points.Take(6), p => Assert.Equal(0, p.Pageviews));
        Assert.Equal(1, points[6].Pageviews);
        Assert.Equal(1, points[6].Visitors);

        var hours = await GetOkAsync<TimeseriesDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/timeseries?from={Today}&to={Today}&interval=hour"));
        var hourly = hours.Points;
        Assert.Equal(24, hourly.Count);
        Assert.Equal(1, hourly.Sum(p => p.Pageviews));
        var hour = Clock.GetUtcNow().UtcDateTime.Hour;
        Assert.Equal(1, hourly[hour].Pageviews);

        // Days in another time zone start at its midnight; the views are still all there.
        var paris = await GetOkAsync<TimeseriesDto>(team.Viewer.Client,
            Analytics(team.WorkspaceId, $"/sites/{siteId}/timeseries?from={from}&to={today.AddDays(1):yyyy-MM-dd}&interval=day&tz=Europe/Paris"));
        var local = paris.Points;
        Assert.Equal(8, local.Count);
        Assert.Equal(1, local.Sum(p => p.Pageviews));
        Assert.NotEqual(TimeSpan.Zero, local[0].T.UtcDateTime.TimeOfDay);
    }

    [Fact]
    public async Task Other_tenants_sites_are_not_found_and_viewers_may_read()
    {
        var team = await CreateTeamAsync();
        var (siteId, _) = await PublishSiteAsync(team, "Maison Alpha");
        var other = await CreateTeamAsync();
        var (otherSiteId, _) = await PublishSiteAsync(other, "Maison Beta");

        foreach (var route in new[] { "summary", "timeseries", "breakdown?dimension=page", "live" })
        {
            await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, $"/sites/{siteId}/{route}"))).ShouldBe(200);
            // A site of another workspace, asked through one's own workspace.
            await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, $"/sites/{otherSiteId}/{route}"))).ShouldBeProblem(404);
            // Another workspace altogether.
            await (await team.Viewer.Client.GetAsync(Analytics(other.WorkspaceId, $"/sites/{otherSiteId}/{route}"))).ShouldBeProblem(404);
            await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, $"/sites/{Guid.NewGuid()}/{route}"))).ShouldBeProblem(404);
        }
        await (await team.Viewer.Client.GetAsync(Analytics(other.WorkspaceId, "/usage"))).ShouldBeProblem(404);
        await (await Anonymous().GetAsync(Analytics(team.WorkspaceId, $"/sites/{siteId}/summary"))).ShouldBe(401);
    }

    [Theory]
    [InlineData("summary?from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("summary?from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("breakdown?dimension=country", "dimension")]
    [InlineData("breakdown", "dimension")]
    [InlineData("breakdown?dimension=page&limit=0", "limit")]
    [InlineData("timeseries?interval=week", "interval")]
    [InlineData("timeseries?tz=Mars/Olympus", "tz")]
    public async Task Invalid_ranges_and_dimensions_are_400(string query, string field)
    {
        var team = await CreateTeamAsync();
        var (siteId, _) = await PublishSiteAsync(team);
        var problem = await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, $"/sites/{siteId}/{query}"))).ShouldBeProblem(400);
        Assert.Contains(problem.ErrorFields(), f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/sites/{site}/summary?from=0001-01-01&to=0001-01-01", "from")]
    [InlineData("/sites/{site}/summary?to=0001-01-05", "to")]
    [InlineData("/sites/{site}/timeseries?from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("/sites/{site}/timeseries?from=0001-01-01&to=0001-01-02&interval=hour&tz=Europe/Paris", "from")]
    [InlineData("/sites/{site}/breakdown?dimension=page&from=0001-01-01&to=0001-01-01", "from")]
    [InlineData("/usage?from=9999-12-31&to=9999-12-31", "from")]
    public async Task Dates_at_the_ends_of_the_calendar_are_400_not_500(string route, string field)
    {
        var team = await CreateTeamAsync();
        var (siteId, _) = await PublishSiteAsync(team);
        var problem = await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, route.Replace("{site}", siteId.ToString(), StringComparison.Ordinal))))
            .ShouldBeProblem(400);
        Assert.Contains(problem.ErrorFields(), f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Hourly_timeseries_in_a_half_hour_time_zone_keep_every_view()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        await VisitAsync($"/sites/{slug}", Firefox);
        await FlushAsync(1);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        var hours = await GetOkAsync<TimeseriesDto>(team.Viewer.Client, Analytics(team.WorkspaceId,
            $"/sites/{siteId}/timeseries?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&interval=hour&tz=Asia/Kolkata"));

        Assert.Equal(72, hours.Points.Count);
        Assert.Equal(1, hours.Points.Sum(p => p.Pageviews));
        Assert.Equal(1, hours.Points.Sum(p => p.Visitors));
    }

    [Fact]
    public async Task Malformed_dates_are_400()
    {
        var team = await CreateTeamAsync();
        var (siteId, _) = await PublishSiteAsync(team);
        await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, $"/sites/{siteId}/summary?from=yesterday"))).ShouldBeProblem(400);
        await (await team.Viewer.Client.GetAsync(Analytics(team.WorkspaceId, "/usage?from=2026-01-02&to=2026-01-01"))).ShouldBeProblem(400);
    }

    [Fact]
    public async Task Raw_events_expire_and_rollups_stay()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        Clock.Advance(TimeSpan.FromDays(-120));
        var oldDay = Today;
        await VisitAsync($"/sites/{slug}", Firefox);
        await FlushAsync(1);
        Clock.Reset();
        await VisitAsync($"/sites/{slug}", Firefox);
        await FlushAsync(2);

        await Factory.Services.GetRequiredService<AnalyticsMaintenance>().RunAsync(CancellationToken.None);

        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM analytics_events"));
        Assert.Equal(1, (await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, oldDay, oldDay)).Pageviews);
        // Salts and visitor sets of past days are gone: yesterday's hashes can never be recomputed.
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM analytics_salts WHERE day < '{Today}'::date - 1"));
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM analytics_visitor_days WHERE day < '{Today}'::date - 1"));
    }
}
