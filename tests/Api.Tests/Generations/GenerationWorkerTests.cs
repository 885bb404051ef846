using IaGenify.Api.Tests.Support;
using IaGenify.Application.Generations;
using IaGenify.Domain.Generations;
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
            ids.Add((await response.ReadAsync<SubmittedGenerationDto>()).Id);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var statuses = await Task.WhenAll(ids.Select(async id => (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status));
            if (statuses.All(s => s == GenerationStatus.Succeeded))
                break;
            await Task.Delay(50);
        }

        foreach (var id in ids)
        {
            var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
            Assert.Equal(GenerationStatus.Succeeded, generation.Status);
            Assert.Equal(1, generation.Attempts);
        }
        Assert.Equal((25, 25, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }
}
