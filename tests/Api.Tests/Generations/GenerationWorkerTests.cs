using IaGenify.Api.Tests.Support;
using IaGenify.Infrastructure.Generations;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Generations;

/// <summary>Real background workers: woken by NOTIFY, so a job starts long before the (here very long) poll interval.</summary>
public sealed class GenerationWorkerTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Idle_workers_are_woken_by_a_notification_and_finish_every_job_once()
    {
        var team = await CreateTeamAsync();
        var pool = Factory.Services.GetRequiredService<GenerationWorkerPool>();
        await using var first = pool.Start();
        await using var second = pool.Start();
        await Task.Delay(500);

        var ids = new List<Guid>();
        foreach (var type in new[] { "hero", "faq", "cta", "about", "footer" })
        {
            var response = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "section", input = new { prompt = "Our team", sectionType = type } });
            ids.Add((await response.Json()).GetProperty("id").GetGuid());
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var statuses = await Task.WhenAll(ids.Select(async id => (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).GetProperty("status").GetString()));
            if (statuses.All(s => s == "succeeded"))
                break;
            await Task.Delay(50);
        }

        foreach (var id in ids)
        {
            var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
            Assert.Equal("succeeded", generation.GetProperty("status").GetString());
            Assert.Equal(1, generation.GetProperty("attempts").GetInt32());
        }
        Assert.Equal((25, 25, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }
}
