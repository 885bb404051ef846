using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Infrastructure.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using IaGenify.Application.Analytics;

namespace IaGenify.Api.Tests.Analytics;

/// <summary>Helpers to publish a site, visit it like browsers do, and read the dashboards.</summary>
public abstract class AnalyticsTestBase(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    protected const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    protected const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    protected const string Chrome =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    protected static string Analytics(Guid workspaceId, string rest) => $"/api/v1/workspaces/{workspaceId}/analytics{rest}";

    protected string Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    /// <summary>Creates, generates and publishes a website; returns its id and slug.</summary>
    protected async Task<(Guid Id, string Slug)> PublishSiteAsync(Team team, string name = "Pain Doré")
    {
        var id = await CreateGeneratedWebsiteAsync(team, name);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);
        var slug = (await WebsiteAsync(team.Viewer.Client, team.WorkspaceId, id)).Slug;
        return (id, slug);
    }

    protected async Task<HttpResponseMessage> VisitAsync(string url, string? userAgent, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (userAgent is not null)
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await Anonymous().SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>
    /// Stores what the buffer holds until the events table has <paramref name="expected"/> rows (the page view is
    /// handed over just after the response, so it may reach the buffer a moment after the client has it).
    /// </summary>
    protected async Task FlushAsync(long expected)
    {
        var writer = Factory.Services.GetRequiredService<AnalyticsWriter>();
        await Wait.UntilAsync(async () =>
        {
            await writer.FlushAsync(CancellationToken.None);
            return await ScalarAsync(CountThisTestsEvents) >= expected;
        }, TimeSpan.FromSeconds(10), () => $"Fewer than {expected} analytics events were stored.");
        // Nothing more than expected either: give stray events a moment, then check.
        await Task.Delay(100);
        await writer.FlushAsync(CancellationToken.None);
        Assert.Equal(expected, await ScalarAsync(CountThisTestsEvents));
    }

    // A page view handed over just after an earlier test's response can be stored after that test's reset; its
    // workspace is gone by then, so counting only events of existing workspaces keeps each test to its own.
    private const string CountThisTestsEvents =
        "SELECT count(*) FROM analytics_events e WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = e.workspace_id)";

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected static async Task<T> GetOkAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBe(200);
        return await response.ReadAsync<T>();
    }

    protected static Task<SiteSummaryDto> SummaryAsync(HttpClient client, Guid workspaceId, Guid websiteId, string from, string to) =>
        GetOkAsync<SiteSummaryDto>(client, Analytics(workspaceId, $"/sites/{websiteId}/summary?from={from}&to={to}"));
}
