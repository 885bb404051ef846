using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Analytics;
using IaGenify.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Analytics;

namespace IaGenify.Api.Tests.Analytics;

public sealed class WeeklyReportTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    private const string ReportSubject = "Your week on IaGenify";

    private static string Subscription(Guid workspaceId) => Analytics(workspaceId, "/report-subscription");

    private WeeklyReportSender Sender => Factory.Services.GetRequiredService<WeeklyReportSender>();

    private IReadOnlyList<CapturedEmail> Reports => Emails.Where(e => e.Subject.StartsWith(ReportSubject, StringComparison.Ordinal)).ToList();

    private static async Task<bool> SetWeeklyAsync(HttpClient client, Guid workspaceId, bool weekly)
    {
        var response = await client.PutAsJsonAsync(Subscription(workspaceId), new { weekly });
        await response.ShouldBe(200);
        return (await response.ReadAsync<ReportSubscriptionDto>()).Weekly;
    }

    [Fact]
    public async Task Opted_in_members_get_one_report_of_the_week_with_its_figures_and_the_others_none()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        await VisitAsync($"/sites/{slug}", Firefox);
        await VisitAsync($"/sites/{slug}", Chrome);
        await VisitAsync($"/sites/{slug}/about", Firefox);
        Factory.Services.GetRequiredService<IAnalyticsCollector>().RecordConversion(team.WorkspaceId, siteId, "/contact");
        await FlushAsync(4);

        Assert.False((await GetOkAsync<ReportSubscriptionDto>(team.Viewer.Client, Subscription(team.WorkspaceId))).Weekly);
        Assert.True(await SetWeeklyAsync(team.Viewer.Client, team.WorkspaceId, true));
        Assert.True(await SetWeeklyAsync(team.Admin.Client, team.WorkspaceId, true));
        Assert.True(await SetWeeklyAsync(team.Member.Client, team.WorkspaceId, true));
        Assert.False(await SetWeeklyAsync(team.Member.Client, team.WorkspaceId, false));
        Assert.True((await GetOkAsync<ReportSubscriptionDto>(team.Viewer.Client, Subscription(team.WorkspaceId))).Weekly);
        Assert.False((await GetOkAsync<ReportSubscriptionDto>(team.Owner.Client, Subscription(team.WorkspaceId))).Weekly);

        // Nothing for the week that ended before they opted in, nor before the current week is over.
        Assert.Equal(0, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Empty(Reports);

        Clock.Advance(TimeSpan.FromDays(7));
        var week = ReportWeek.LastComplete(Clock.GetUtcNow());
        var usage = await GetOkAsync<UsageDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/usage?from={week.From:yyyy-MM-dd}&to={week.To:yyyy-MM-dd}"));
        var creditsUsed = usage.Points.Sum(p => p.CreditsConsumed);
        Assert.True(creditsUsed > 0);

        // Two workers at once still send each member's report once.
        var runs = await Task.WhenAll(Sender.RunOnceAsync(CancellationToken.None), Sender.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, runs.Sum(r => r.Sent));
        Assert.Equal(0, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);

        var reports = Reports;
        Assert.Equal(new[] { team.Admin.Email, team.Viewer.Email }.Order(StringComparer.Ordinal),
            reports.Select(r => r.To).Order(StringComparer.Ordinal));
        var body = reports.Single(r => r.To == team.Viewer.Email).Body;
        Assert.Contains("Visitors: 2\n", body, StringComparison.Ordinal);
        Assert.Contains("Page views: 3\n", body, StringComparison.Ordinal);
        Assert.Contains("Conversions (contact form messages): 1\n", body, StringComparison.Ordinal);
        Assert.Contains($"Credits used: {creditsUsed}\n", body, StringComparison.Ordinal);
        Assert.Contains("- Pain Doré /: 2 visitors, 2 views\n- Pain Doré /about: 1 visitors, 1 views\n", body, StringComparison.Ordinal);
        Assert.Contains($"/workspaces/{team.WorkspaceId}/analytics", body, StringComparison.Ordinal);

        // The following week, the next report; still one per member.
        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal(4, Reports.Count);
        Assert.All(Reports.Skip(2), r => Assert.Contains("Visitors: 0\nPage views: 0\n", r.Body, StringComparison.Ordinal));
        Assert.All(Reports.Skip(2), r => Assert.Contains("Top pages: no page views this week.", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_member_sets_only_their_own_subscription_and_other_tenants_get_404()
    {
        var team = await CreateTeamAsync();
        var other = await CreateTeamAsync();

        await (await other.Owner.Client.PutAsJsonAsync(Subscription(team.WorkspaceId), new { weekly = true })).ShouldBeProblem(404);
        await (await other.Viewer.Client.GetAsync(Subscription(team.WorkspaceId))).ShouldBeProblem(404);
        await (await Anonymous().GetAsync(Subscription(team.WorkspaceId))).ShouldBe(401);
        var problem = await (await team.Viewer.Client.PutAsJsonAsync(Subscription(team.WorkspaceId), new { })).ShouldBeProblem(400);
        Assert.Contains("weekly", problem.ErrorFields(), StringComparer.OrdinalIgnoreCase);

        Assert.True(await SetWeeklyAsync(team.Viewer.Client, team.WorkspaceId, true));
        Assert.False((await GetOkAsync<ReportSubscriptionDto>(team.Owner.Client, Subscription(team.WorkspaceId))).Weekly);
        Assert.False((await GetOkAsync<ReportSubscriptionDto>(other.Viewer.Client, Subscription(other.WorkspaceId))).Weekly);

        var key = await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "admin");
        await (await WithApiKey(key.Key).PutAsJsonAsync(Subscription(team.WorkspaceId), new { weekly = true }))
            .ShouldBeProblem(403, "analytics.report_member_only");

        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal([team.Viewer.Email], Reports.Select(r => r.To).ToArray());
    }

    [Fact]
    public async Task A_suspended_member_gets_no_report_until_the_suspension_is_lifted()
    {
        var team = await CreateTeamAsync();
        Assert.True(await SetWeeklyAsync(team.Viewer.Client, team.WorkspaceId, true));
        Assert.True(await SetWeeklyAsync(team.Admin.Client, team.WorkspaceId, true));
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{team.Viewer.Id}/suspend", new { reason = "Card fraud" })).ShouldBe(200);

        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal([team.Admin.Email], Reports.Select(r => r.To).ToArray());

        await (await staff.Client.PostAsync($"/api/v1/admin/users/{team.Viewer.Id}/unsuspend", null)).ShouldBe(200);
        Assert.Equal(1, (await Sender.RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal(new[] { team.Admin.Email, team.Viewer.Email }, Reports.Select(r => r.To).ToArray());
    }

    [Fact]
    public async Task Opting_in_twice_at_once_is_no_conflict()
    {
        var team = await CreateTeamAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => team.Viewer.Client.PutAsJsonAsync(Subscription(team.WorkspaceId), new { weekly = true })));

        foreach (var response in responses)
        {
            await response.ShouldBe(200);
            Assert.True((await response.ReadAsync<ReportSubscriptionDto>()).Weekly);
        }
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM analytics_report_subscriptions WHERE workspace_id = '{team.WorkspaceId}'"));
    }
}
