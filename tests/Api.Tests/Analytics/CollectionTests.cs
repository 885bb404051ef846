using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Analytics;

namespace IaGenify.Api.Tests.Analytics;

public sealed class CollectionTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    [Fact]
    public async Task The_same_visitor_is_one_visitor_a_day_and_a_new_one_the_next_day()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        var day1 = Today;

        await (await VisitAsync($"/sites/{slug}", Firefox)).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}/about", Firefox)).ShouldBe(200);
        await FlushAsync(2);
        var first = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, day1, day1);
        Assert.Equal(1, first.Visitors);
        Assert.Equal(2, first.Pageviews);
        Assert.Equal(2.0, first.ViewsPerVisit);

        Clock.Advance(TimeSpan.FromDays(1));
        var day2 = Today;
        await (await VisitAsync($"/sites/{slug}", Firefox)).ShouldBe(200);
        await FlushAsync(3);
        var both = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, day1, day2);
        // Daily salts: the same browser on the next day is a new visitor, and ranges add daily visitors.
        Assert.Equal(2, both.Visitors);
        Assert.Equal(3, both.Pageviews);
        Assert.Equal(2, await ScalarAsync("SELECT count(DISTINCT visitor_hash) FROM analytics_events"));
    }

    [Fact]
    public async Task A_browser_revalidating_its_cached_copy_with_a_304_is_a_page_view_too()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        var first = await VisitAsync($"/sites/{slug}/about", Firefox);
        var again = await VisitAsync($"/sites/{slug}/about", Firefox, ("If-None-Match", first.Headers.ETag!.Tag));
        Assert.Equal(304, (int)again.StatusCode);
        await FlushAsync(2);

        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal((1, 2), (summary.Visitors, summary.Pageviews));
    }

    [Fact]
    public async Task Another_user_agent_is_another_visitor()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        await VisitAsync($"/sites/{slug}", Firefox);
        await VisitAsync($"/sites/{slug}", IPhoneSafari);
        await FlushAsync(2);

        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal(2, summary.Visitors);
        var devices = await GetOkAsync<BreakdownDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/breakdown?dimension=device"));
        Assert.Equal(new[] { "desktop", "mobile" }, devices.Items.Select(i => i.Value).Order(StringComparer.Ordinal));
        var browsers = await GetOkAsync<BreakdownDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/breakdown?dimension=browser"));
        Assert.Equal(new[] { "firefox", "safari" }, browsers.Items.Select(i => i.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Robots_and_failed_pages_are_not_counted_and_nothing_personal_is_stored()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        await (await VisitAsync($"/sites/{slug}", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}", "curl/8.4.0")).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}", null)).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}/nowhere", Firefox)).ShouldBe(404);
        await (await VisitAsync($"/sites/{slug}", Firefox)).ShouldBe(200);
        await FlushAsync(1);

        Assert.Equal(1, (await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today)).Pageviews);
        // Neither the IP nor the User-Agent is stored anywhere.
        Assert.Equal(0, await ScalarAsync(
            "SELECT count(*) FROM analytics_events WHERE device NOT IN ('desktop', 'mobile', 'tablet', 'other') OR browser LIKE '%Mozilla%'"));
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM information_schema.columns WHERE table_name LIKE 'analytics%'
            AND (column_name ~ '(^|_)ip(_|$)' OR column_name LIKE '%agent%')
            """));
    }

    [Fact]
    public async Task Sec_GPC_views_are_counted_without_a_visitor()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        await (await VisitAsync($"/sites/{slug}", Firefox, ("Sec-GPC", "1"))).ShouldBe(200);
        await FlushAsync(1);

        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal(1, summary.Pageviews);
        Assert.Equal(0, summary.Visitors);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM analytics_events WHERE visitor_hash IS NOT NULL"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM analytics_salts"));
    }

    [Fact]
    public async Task UTM_tags_and_referrers_are_read_from_the_request()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        await VisitAsync($"/sites/{slug}?utm_source=Newsletter&utm_medium=email&utm_campaign=%20Spring-Sale%20", Firefox,
            ("Referer", "https://www.Google.com/search?q=bread"));
        await VisitAsync($"/sites/{slug}/about", Chrome, ("Referer", "http://news.example.org/a"));
        await VisitAsync($"/sites/{slug}/about", IPhoneSafari, ("Referer", "not a url"));
        await FlushAsync(3);

        async Task<List<(string Value, long Visitors, long Pageviews)>> Breakdown(string dimension) =>
            (await GetOkAsync<BreakdownDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/breakdown?dimension={dimension}")))
            .Items.Select(i => (i.Value, i.Visitors, i.Pageviews))
            .OrderBy(i => i.Item1, StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { ("newsletter", 1L, 1L) }, await Breakdown("utmSource"));
        Assert.Equal(new[] { ("spring-sale", 1L, 1L) }, await Breakdown("utmCampaign"));
        Assert.Equal(new[] { ("email", 1L, 1L) }, await Breakdown("utmMedium"));
        Assert.Equal(new[] { ("(direct)", 1L, 1L), ("google.com", 1L, 1L), ("news.example.org", 1L, 1L) }, await Breakdown("referrer"));
        Assert.Equal(new[] { ("/", 1L, 1L), ("/about", 2L, 2L) }, await Breakdown("page"));
    }

    [Fact]
    public async Task A_long_utm_value_cut_inside_an_emoji_is_stored_with_the_other_views_of_its_batch()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        // 99 letters and an emoji (two UTF-16 chars): keeping 100 chars would keep half of the emoji.
        var campaign = new string('a', 99) + "\U0001F950";

        await (await VisitAsync($"/sites/{slug}?utm_campaign={Uri.EscapeDataString(campaign)}", Firefox)).ShouldBe(200);
        await (await VisitAsync($"/sites/{slug}/about", Chrome)).ShouldBe(200);
        await FlushAsync(2);

        var campaigns = await GetOkAsync<BreakdownDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/breakdown?dimension=utmCampaign"));
        Assert.Equal(new string('a', 99), Assert.Single(campaigns.Items).Value);
        Assert.Equal(2, (await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today)).Pageviews);
    }

    [Fact]
    public async Task Conversions_and_live_visitors_are_reported()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);

        await VisitAsync($"/sites/{slug}/contact", Firefox);
        await VisitAsync($"/sites/{slug}/contact", Chrome);
        Factory.Services.GetService<IaGenify.Application.Analytics.Ports.IAnalyticsCollector>()!
            .RecordConversion(team.WorkspaceId, siteId, "/contact");
        await FlushAsync(3);

        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal(1, summary.Conversions);
        Assert.Equal(0.5, summary.ConversionRate);
        var live = await GetOkAsync<LiveVisitorsDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/live"));
        Assert.Equal(2, live.Visitors);

        Clock.Advance(TimeSpan.FromMinutes(6));
        live = await GetOkAsync<LiveVisitorsDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/sites/{siteId}/live"));
        Assert.Equal(0, live.Visitors);
    }

    [Fact]
    public async Task A_contact_form_submission_is_a_conversion_of_its_page_and_spam_is_not()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        await VisitAsync($"/sites/{slug}/contact", Firefox);

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Bob Visitor", ["email"] = "bob@example.org", ["message"] = "Do you bake on Sundays?", ["page"] = "/contact", ["website"] = "",
        });
        var submitted = await Anonymous().PostAsync($"/sites/{slug}/contact", form);
        // The client follows the 303 to the thank-you page.
        await submitted.ShouldBe(200);
        var spam = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Bot", ["email"] = "bot@example.org", ["message"] = "Buy now", ["page"] = "/contact", ["website"] = "https://spam.example",
        });
        await (await Anonymous().PostAsync($"/sites/{slug}/contact", spam)).ShouldBe(200);
        await FlushAsync(2);

        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal(1, summary.Conversions);
        Assert.Equal(1.0, summary.ConversionRate);
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM analytics_events WHERE kind = 2 AND path = '/contact'"));
    }
}
