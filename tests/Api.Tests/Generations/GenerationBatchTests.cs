using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Application.Websites;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Generations;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
    /// Kills the connection of the transaction it runs in, as many times as it is armed, when it completes a job whose
    /// prompt says "kill": what the database sees when the worker's process dies mid-batch.
    /// </summary>
    private sealed class KillingCompletion(AppDbContext db) : IGenerationCompletion
    {
        public static int Armed;

        public bool Handles(Generation generation) => generation.Input.Contains("kill", StringComparison.Ordinal);

        public async Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref Armed) >= 0)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())", cancellationToken);
        }

        public Task OnFailedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// While the model works on a job whose prompt says "steal", another worker takes the job over (its lease changes),
    /// as when the first worker stalled past its lease.
    /// </summary>
    private sealed class StealingTextModel(ITextModel model, string connectionString) : ITextModel
    {
        public async Task<TextModelReply> CompleteJsonAsync(TextModelRequest request, CancellationToken cancellationToken)
        {
            if (request.UserPrompt.Contains("steal", StringComparison.Ordinal))
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var steal = new NpgsqlCommand(
                    "UPDATE generations SET lease_token = gen_random_uuid() WHERE status = 'Running' AND input LIKE '%steal%'", connection);
                await steal.ExecuteNonQueryAsync(cancellationToken);
            }
            return await model.CompleteJsonAsync(request, cancellationToken);
        }
    }

    private ApiFactory BatchingWorker() => new(Fixture.ConnectionString,
        settings: new Dictionary<string, string?> { ["Generations:CompletionBatch"] = "8" },
        services: services =>
        {
            services.AddScoped<IGenerationCompletion, ExplodingCompletion>();
            services.AddScoped<IGenerationCompletion, KillingCompletion>();
            var model = services.Last(s => s.ServiceType == typeof(ITextModel));
            services.AddSingleton<ITextModel>(provider =>
                new StealingTextModel((ITextModel)model.ImplementationFactory!(provider), Fixture.ConnectionString));
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
    public async Task A_batch_over_several_workspaces_charges_each_workspace_for_its_own_jobs_once()
    {
        var first = await CreateTeamAsync();
        var second = await CreateTeamAsync();
        var firstIds = await SubmitSectionsAsync(first.Member, first.WorkspaceId, "One", "Two", "Three");
        var secondIds = await SubmitSectionsAsync(second.Member, second.WorkspaceId, "Un", "Deux");

        await using var worker = BatchingWorker();
        var processor = worker.Services.GetRequiredService<GenerationProcessor>();
        Assert.Equal(5, await processor.ProcessNextBatchAsync(CancellationToken.None));

        foreach (var id in firstIds)
            Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(first.Member, first.WorkspaceId, id));
        foreach (var id in secondIds)
            Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(second.Member, second.WorkspaceId, id));
        Assert.Equal((35, 35, 0), await CreditsAsync(first.Viewer.Client, first.WorkspaceId));
        Assert.Equal((40, 40, 0), await CreditsAsync(second.Viewer.Client, second.WorkspaceId));
        var entries = await (await first.Owner.Client.GetAsync($"/api/v1/workspaces/{first.WorkspaceId}/credits/entries"))
            .ReadAsync<JsonObject>();
        Assert.Equal(3, entries["items"]!.AsArray().Count(e => (string?)e!["type"] == "capture"));
        Assert.Equal(0, await processor.DrainAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_writes_off_a_grant_expired_before_its_captures_as_jobs_finished_one_by_one_do()
    {
        async Task<(long Balance, long Available, long Reserved, string[] Entries)> FinishAsync(int batch)
        {
            var team = await CreateTeamAsync();
            await using var worker = new ApiFactory(Fixture.ConnectionString,
                settings: new Dictionary<string, string?> { ["Generations:CompletionBatch"] = batch.ToString(CultureInfo.InvariantCulture) });
            await new LedgerDriver(worker.Services).RunAsync(ledger => ledger.GrantAsync(team.WorkspaceId,
                new CreditGrantRequest(GrantSource.Promotion, 20, worker.Clock.GetUtcNow().AddMinutes(1)), "launch-week", default));
            await SubmitSectionsAsync(team.Member, team.WorkspaceId, "One", "Two");
            worker.Clock.Advance(TimeSpan.FromMinutes(5));
            await worker.Services.GetRequiredService<GenerationProcessor>().DrainAsync(CancellationToken.None);

            var (balance, available, reserved) = await CreditsAsync(team.Viewer.Client, team.WorkspaceId);
            var entries = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/credits/entries"))
                .ReadAsync<JsonObject>();
            return (balance, available, reserved,
                entries["items"]!.AsArray().Select(e => (string)e!["type"]!).Order(StringComparer.Ordinal).ToArray());
        }

        var alone = await FinishAsync(1);
        var batched = await FinishAsync(2);
        Assert.Contains("expiry", alone.Entries);
        Assert.Equal((alone.Balance, alone.Available, alone.Reserved), (batched.Balance, batched.Available, batched.Reserved));
        Assert.Equal(alone.Entries, batched.Entries);
    }

    [Fact]
    public async Task A_job_another_worker_took_over_during_the_batch_is_left_to_it_and_the_others_commit()
    {
        var team = await CreateTeamAsync();
        var ids = await SubmitSectionsAsync(team.Member, team.WorkspaceId, "One", "Please steal this one", "Three");

        await using var worker = BatchingWorker();
        var processor = worker.Services.GetRequiredService<GenerationProcessor>();
        Assert.Equal(3, await processor.ProcessNextBatchAsync(CancellationToken.None));

        Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(team.Member, team.WorkspaceId, ids[0]));
        Assert.Equal((GenerationStatus.Running, 1), await StateAsync(team.Member, team.WorkspaceId, ids[1]));
        Assert.Equal((GenerationStatus.Succeeded, 1), await StateAsync(team.Member, team.WorkspaceId, ids[2]));
        Assert.Equal((40, 35, 5), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
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
        // The batch is first finished at once, then job by job behind savepoints: the process dies under both.
        KillingCompletion.Armed = 2;
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

    // Finished at once, the jobs share one unit of work: the later ones see the earlier ones' changes to the same
    // website in memory (page count, taken paths, a deleted section), where jobs finished one by one read them saved.
    [Fact]
    public async Task A_batch_of_edits_to_one_website_leaves_it_and_the_ledger_as_jobs_finished_one_by_one_do()
    {
        async Task<(string[] Pages, string?[] Headings, GenerationStatus[] Statuses, (long, long, long) Credits, string[] Entries)> FinishAsync(int batch)
        {
            var team = await CreateTeamAsync();
            await using var worker = new ApiFactory(Fixture.ConnectionString,
                settings: new Dictionary<string, string?> { ["Generations:CompletionBatch"] = batch.ToString(CultureInfo.InvariantCulture) });
            var processor = worker.Services.GetRequiredService<GenerationProcessor>();
            var created = await team.Member.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/websites",
                new { name = "Pain Doré", prompt = "A small bakery in Lyon" });
            var websiteId = (await created.ReadAsync<CreatedWebsiteDto>()).Id;
            await processor.DrainAsync(CancellationToken.None);
            var site = $"/api/v1/workspaces/{team.WorkspaceId}/websites/{websiteId}";
            var website = await (await team.Member.Client.GetAsync(site)).ReadAsync<WebsiteDto>();
            var sections = website.Pages.SelectMany(p => p.Sections).ToList();
            var ids = new List<Guid>();
            async Task SubmitAsync(string path, object body) =>
                ids.Add((await (await team.Member.Client.PostAsJsonAsync(site + path, body)).ReadAsync<SubmittedGenerationDto>()).Id);
            await SubmitAsync("/pages", new { prompt = "Our pricing and plans" });
            await SubmitAsync("/pages", new { prompt = "Our pricing and plans" });
            await SubmitAsync($"/sections/{sections[0].Id}/regenerate", new { instruction = "Warmer" });
            await SubmitAsync($"/sections/{sections[1].Id}/regenerate", new { instruction = "Shorter" });
            await team.Member.Client.DeleteAsync(site + $"/sections/{sections[1].Id}");
            await processor.DrainAsync(CancellationToken.None);

            website = await (await team.Member.Client.GetAsync(site)).ReadAsync<WebsiteDto>();
            var statuses = new List<GenerationStatus>();
            foreach (var id in ids)
                statuses.Add((await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status);
            var entries = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/credits/entries")).ReadAsync<JsonObject>();
            return (website.Pages.Select(p => p.Path).ToArray(),
                website.Pages.SelectMany(p => p.Sections).Select(s => s.Props.TryGetProperty("heading", out var h) ? h.GetString() : null).ToArray(),
                statuses.ToArray(), await CreditsAsync(team.Viewer.Client, team.WorkspaceId),
                entries["items"]!.AsArray().Select(e => (string)e!["type"]!).Order(StringComparer.Ordinal).ToArray());
        }

        var alone = await FinishAsync(1);
        var batched = await FinishAsync(8);
        Assert.Equal(alone.Pages, batched.Pages);
        Assert.Equal(alone.Headings, batched.Headings);
        Assert.Equal(alone.Statuses, batched.Statuses);
        Assert.Equal(alone.Credits, batched.Credits);
        Assert.Equal(alone.Entries, batched.Entries);
    }
}
