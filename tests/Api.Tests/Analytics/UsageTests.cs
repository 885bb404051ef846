using IaGenify.Api.Tests.Support;
using IaGenify.Application.Analytics;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Credits;
using IaGenify.Domain.Credits;

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

        var usage = await GetOkAsync<UsageDto>(team.Viewer.Client, Analytics(team.WorkspaceId, $"/usage?from={yesterday}&to={Today}&interval=day"));

        Assert.Equal("day", usage.Interval);
        var points = usage.Points;
        Assert.Equal(2, points.Count);
        var entries = (await GetOkAsync<CursorPage<CreditEntryDto>>(team.Viewer.Client,
            $"/api/v1/workspaces/{team.WorkspaceId}/credits/entries?limit=100")).Items;
        foreach (var point in points)
        {
            var start = point.T;
            var captured = -entries.Where(e => e.Type == CreditEntryType.Capture)
                .Where(e => e.CreatedAt >= start && e.CreatedAt < start.AddDays(1))
                .Sum(e => e.Amount);
            Assert.Equal(20, captured);
            Assert.Equal(captured, point.CreditsConsumed);
            var operation = Assert.Single(point.Credits);
            Assert.Equal("website.generate", operation.Operation);
            var generations = Assert.Single(point.Generations);
            Assert.Equal("website", generations.Kind);
            Assert.Equal("succeeded", generations.Status);
            Assert.Equal(1, generations.Count);
            Assert.Equal(20, generations.Credits);
        }
        var balance = await CreditsAsync(team.Viewer.Client, team.WorkspaceId);
        Assert.Equal(50 - balance.Balance, points.Sum(p => p.CreditsConsumed));
    }
}
