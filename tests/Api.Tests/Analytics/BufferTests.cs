using System.Diagnostics;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.Observability;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Analytics;

public sealed class BufferTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    private static PageViewHit Hit(string slug) => new(slug, "/", new TrafficSource(null, null, null, null),
        UserAgentClassifier.Classify(Firefox), new VisitorIdentity("10.1.1.1", Firefox));

    [Fact]
    public void A_full_buffer_drops_events_and_counts_them_without_waiting()
    {
        var buffer = new AnalyticsBuffer(Options.Create(new AnalyticsOptions { BufferCapacity = 3 }), TimeProvider.System,
            Factory.Services.GetRequiredService<IaGenifyMetrics>());

        var clock = Stopwatch.StartNew();
        var accepted = Enumerable.Range(0, 1000).Count(_ => buffer.RecordPageView(Hit("pain-dore")));
        clock.Stop();

        Assert.Equal(3, accepted);
        Assert.Equal(997, buffer.Dropped);
        // Nobody reads the buffer, yet a thousand calls return at once.
        Assert.True(clock.ElapsedMilliseconds < 500, $"Recording took {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task Pages_are_served_while_the_buffer_is_full()
    {
        var team = await CreateTeamAsync();
        var (_, slug) = await PublishSiteAsync(team);
        // A buffer of one event that no writer reads: full after the first view.
        await using var host = new ApiFactory(Fixture.ConnectionString, services: services =>
        {
            services.RemoveAll<IAnalyticsCollector>();
            services.AddSingleton<IAnalyticsCollector>(provider => new AnalyticsBuffer(
                Options.Create(new AnalyticsOptions { BufferCapacity = 1 }), TimeProvider.System, provider.GetRequiredService<IaGenifyMetrics>()));
        });
        var client = host.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/sites/{slug}");
            request.Headers.TryAddWithoutValidation("User-Agent", Firefox);
            await (await client.SendAsync(request)).ShouldBe(200);
        }
        var buffer = (AnalyticsBuffer)host.Services.GetRequiredService<IAnalyticsCollector>();
        await Wait.UntilAsync(() => Task.FromResult(buffer.Dropped == 19), describe: () => $"{buffer.Dropped} events were dropped.");
    }

    [Fact]
    public async Task Shutdown_stores_every_buffered_event()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        var host = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Analytics:BatchSize"] = "1000000",
            ["Analytics:FlushInterval"] = "01:00:00",
        });
        var client = host.CreateClient();
        for (var i = 0; i < 25; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/sites/{slug}/about");
            request.Headers.TryAddWithoutValidation("User-Agent", Firefox);
            await (await client.SendAsync(request)).ShouldBe(200);
        }
        await Task.Delay(200);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM analytics_events"));

        await host.DisposeAsync();

        Assert.Equal(25, await ScalarAsync("SELECT count(*) FROM analytics_events"));
        var summary = await SummaryAsync(team.Viewer.Client, team.WorkspaceId, siteId, Today, Today);
        Assert.Equal(25, summary.Pageviews);
        Assert.Equal(1, summary.Visitors);
    }
}
