using System.Text.Json.Nodes;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Generations;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Generations;

/// <summary>
/// A worker claiming several jobs and completing them in one transaction (<c>Generations:CompletionBatch</c>): each
/// succeeded job is charged exactly once in the commit that stores it, a job that throws is undone alone, and a batch
/// whose connection dies commits nothing, its jobs running again after their lease, charged once.
/// </summary>
public sealed class GenerationBatchTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan PastTheLease = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);

    /// <summary>Throws for every job whose prompt says "explode", as a bug in a module's completion would.</summary>
    private sealed class ExplodingCompletion : IGenerationCompletion
    {
        public bool Handles(Generation generation) => generation.Input.Contains("explode", StringComparison.Ordinal);

        public Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The completion of this job is broken.");

        public Task OnFailedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// Kills the connection of the transaction it runs in the first time it completes a job whose prompt says "kill":
    /// what the database sees when the worker's process dies mid-batch.
    /// </summary>
    private sealed class KillingCompletion(AppDbContext db) : IGenerationCompletion
    {
        public static int Armed;

        public bool Handles(Generation generation) => generation.Input.Contains("kill", StringComparison.Ordinal);

        public async Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref Armed, 0) == 1)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())", cancellationToken);
        }

        public Task OnFailedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private ApiFactory BatchingWorker() => new(Fixture.ConnectionString,
        settings: new Dictionary<string, string?> { ["Generations:CompletionBatch"] = "8" },
        services: services =>
        {
            services.AddScoped<IGenerationCompletion, ExplodingCompletion>();
            services.AddScoped<IGenerationCompletion, KillingCompletion>();
        });

    private static async Task<List<Guid>> SubmitSectionsAsync(TestUser member, Guid workspaceId, params string[] prompts)
    {
        var ids = new List<Guid>();
        foreach (var prompt in prompts)
        {
            var response = await SubmitAsync(member.Client, workspaceId, new { kind = "section", input = new { prompt, sectionType = "faq" } });
            await response.ShouldBe(202);
            ids.Add((await response.ReadAsync<SubmittedGenerationDto>()).Id);
        }
        return ids;
    }

    private static async Task<(GenerationStatus Status, int Attempts)> StateAsync(TestUser member, Guid workspaceId, Guid id)
    {
        var generation = await GenerationAsync(member.Client, workspaceId, id);
        return (generation.Status, generation.Attempts);
    }

    [Fact]
    public async Task A_batch_completes_its_jobs_in_one_commit_and_charges_each_exactly_once()
    {
        var team = await CreateTeamAsync();
        var ids = await SubmitSectionsAsync(team.Member, team.WorkspaceId, "One", "Two", "Three", "Four", "Five");
        Assert.Equal((50, 25, 25), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));

        await using var worker = BatchingWorker();
        var processor = worker.Services.GetRequiredService<GenerationProcessor>();
        Assert.Equal(5, await processor.ProcessNextBatchAsync(CancellationToken.None));

        foreach (var id in ids)
            Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(team.Member, team.WorkspaceId, id));
        Assert.Equal((25, 25, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.Equal(0, await processor.DrainAsync(CancellationToken.None));
        Assert.Equal((25, 25, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_job_that_throws_in_its_batch_is_undone_alone_and_fails_uncharged_after_its_leases()
    {
        var team = await CreateTeamAsync();
        var ids = await SubmitSectionsAsync(team.Member, team.WorkspaceId, "One", "Please explode", "Three", "Four");

        await using var worker = BatchingWorker();
        var processor = worker.Services.GetRequiredService<GenerationProcessor>();
        Assert.Equal(4, await processor.ProcessNextBatchAsync(CancellationToken.None));

        foreach (var id in ids.Where((_, i) => i != 1))
            Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(team.Member, team.WorkspaceId, id));
        Assert.Equal((GenerationStatus.Running, 1), await StateAsync(team.Member, team.WorkspaceId, ids[1]));
        Assert.Equal((35, 30, 5), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));

        // Each lapse of its lease gives it another attempt; past the last, it fails and its hold is released.
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            worker.Clock.Advance(PastTheLease);
            Assert.Equal(1, await processor.DrainAsync(CancellationToken.None));
        }
        var failed = await GenerationAsync(team.Member.Client, team.WorkspaceId, ids[1]);
        Assert.Equal(GenerationStatus.Failed, failed.Status);
        Assert.Equal("interrupted", failed.Error!.Code);
        Assert.Equal((35, 35, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_commits_nothing_and_its_jobs_run_again_after_the_lease_charged_once()
    {
        var team = await CreateTeamAsync();
        var ids = await SubmitSectionsAsync(team.Member, team.WorkspaceId, "One", "Two", "Then kill the worker", "Four");

        await using var worker = BatchingWorker();
        var processor = worker.Services.GetRequiredService<GenerationProcessor>();
        KillingCompletion.Armed = 1;
        Assert.Equal(4, await processor.ProcessNextBatchAsync(CancellationToken.None));

        // The first two were applied in the transaction before the connection died: none of it was committed.
        foreach (var id in ids)
            Assert.Equal((GenerationStatus.Running, 1), await StateAsync(team.Member, team.WorkspaceId, id));
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.Equal(0, await processor.DrainAsync(CancellationToken.None));

        worker.Clock.Advance(PastTheLease);
        Assert.Equal(4, await processor.DrainAsync(CancellationToken.None));
        foreach (var id in ids)
            Assert.Equal((GenerationStatus.Succeeded, 2), await StateAsync(team.Member, team.WorkspaceId, id));
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        worker.Clock.Advance(PastTheLease);
        Assert.Equal(0, await processor.DrainAsync(CancellationToken.None));
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }
}
