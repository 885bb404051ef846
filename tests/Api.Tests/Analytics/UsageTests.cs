using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Analytics;

public sealed class UsageTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    private static object Website(string prompt) => new { kind = "website", input = new { prompt } };

    [Fact]
    public async Task Usage_matches_the_credit_ledger_bucket_by_bucket()
    {
        var team = await CreateTeamAsync();
        var yesterday = Today;
        await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website("A bakery in Lyon"))).ShouldBe(202);
        await DrainGenerationsAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website("A florist in Nantes"))).ShouldBe(202);
        await DrainGenerationsAsync();

        var usage = await GetOkAsync(team.Viewer.Client, Analytics(team.WorkspaceId, $"/usage?from={yesterday}&to={Today}&interval=day"));

        Assert.Equal("day", usage.GetProperty("interval").GetString());
        var points = usage.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        var entries = (await GetOkAsync(team.Viewer.Client, $"/api/v1/workspaces/{team.WorkspaceId}/credits/entries?limit=100"))
            .GetProperty("items").EnumerateArray().ToList();
        foreach (var point in points)
        {
            var start = point.GetProperty("t").GetDateTimeOffset();
            var captured = -entries.Where(e => e.GetProperty("type").GetString() == "capture")
                .Where(e => e.GetProperty("createdAt").GetDateTimeOffset() >= start && e.GetProperty("createdAt").GetDateTimeOffset() < start.AddDays(1))
                .Sum(e => e.GetProperty("amount").GetInt64());
            Assert.Equal(20, captured);
            Assert.Equal(captured, point.GetProperty("creditsConsumed").GetInt64());
            var operation = Assert.Single(point.GetProperty("credits").EnumerateArray());
            Assert.Equal("website.generate", operation.GetProperty("operation").GetString());
            var generations = Assert.Single(point.GetProperty("generations").EnumerateArray());
            Assert.Equal("website", generations.GetProperty("kind").GetString());
            Assert.Equal("succeeded", generations.GetProperty("status").GetString());
            Assert.Equal(1, generations.GetProperty("count").GetInt64());
            Assert.Equal(20, generations.GetProperty("credits").GetInt64());
        }
        var balance = await CreditsAsync(team.Viewer.Client, team.WorkspaceId);
        Assert.Equal(50 - balance.Balance, points.Sum(p => p.GetProperty("creditsConsumed").GetInt64()));
    }
}
