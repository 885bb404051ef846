using IaGenify.Api.Tests.Support;
using IaGenify.Application.Generations;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Generations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Api.Tests.Generations;

/// <summary>The OpenAI-compatible adapter against a fake server on 127.0.0.1: requests, retries, repairs and the hold.</summary>
public sealed class OpenAiProviderTests : ApiTest, IClassFixture<OpenAiFixture>
{
    private const string ValidWebsite = """
        {"name":"Acme Bikes","theme":{"primary":"#112233","accent":"#445566","background":"#ffffff","text":"#000000","font":"sans"},
         "pages":[{"path":"/","title":"Home","description":"Bikes","sections":[
           {"type":"hero","props":{"heading":"Ride with Acme","subheading":null,"ctaLabel":null,"ctaHref":null}},
           {"type":"footer","props":{"text":"(c) Acme","links":null}}]}]}
        """;

    private readonly OpenAiFixture _openAi;
    private readonly ApiFactory _factory;

    public OpenAiProviderTests(ApiFixture fixture, OpenAiFixture openAi) : base(fixture)
    {
        _openAi = openAi;
        _factory = openAi.FactoryFor(fixture);
        _factory.Clock.Reset();
        openAi.Server.Reset();
    }

    protected override ApiFactory Factory => _factory;

    private FakeOpenAiServer Server => _openAi.Server;

    private GenerationProcessor Processor => Factory.Services.GetRequiredService<GenerationProcessor>();

    private async Task<(Team Team, Guid Id)> SubmitWebsiteAsync(string prompt = "Acme Bikes, a bicycle repair shop in Ghent")
    {
        var team = await CreateTeamAsync();
        var response = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "website", input = new { prompt } });
        await response.ShouldBe(202);
        return (team, (await response.ReadAsync<SubmittedGenerationDto>()).Id);
    }

    [Fact]
    public async Task A_chat_completion_with_a_strict_json_schema_is_sent_and_its_answer_becomes_the_output()
    {
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();

        await DrainGenerationsAsync();

        var request = Assert.Single(Server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer test-key", request.Authorization);
        var chat = request.BodyAs<ChatRequest>();
        Assert.Equal("fake-chat", chat.Model);
        var format = chat.ResponseFormat;
        Assert.Equal("json_schema", format.Type);
        Assert.Equal("website", format.JsonSchema.Name);
        Assert.True(format.JsonSchema.Strict);
        Assert.Equal("object", format.JsonSchema.Schema.Type);
        var messages = chat.Messages;
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("bicycle repair shop in Ghent", messages[1].Content.ToString());

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        var output = generation.OutputAs<WebsiteOutput>();
        Assert.Equal("openai", output.Provider);
        Assert.Equal("fake-chat", output.Model);
        Assert.Equal("Ride with Acme", output.Pages[0].Sections[0].Props.As<HeroProps>().Heading);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task An_image_is_requested_as_base64_and_stored_as_an_asset()
    {
        Server.EnqueueImage(Assets.AssetTests.Png);
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "image", input = new { prompt = "A red bicycle" } })).ReadAsync<SubmittedGenerationDto>())
            .Id;

        await DrainGenerationsAsync();

        var request = Assert.Single(Server.Requests);
        Assert.Equal("/v1/images/generations", request.Path);
        var image = request.BodyAs<ImageRequest>();
        Assert.Equal("fake-image", image.Model);
        Assert.Equal("b64_json", image.ResponseFormat);
        Assert.Equal("A red bicycle", image.Prompt);
        var output = (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).OutputAs<ImageOutput>();
        Assert.Equal("openai", output.Provider);
        var bytes = await team.Member.Client.GetByteArrayAsync($"/api/v1/workspaces/{team.WorkspaceId}/assets/{output.AssetId}/content");
        Assert.Equal(Assets.AssetTests.Png, bytes);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after_then_succeeds_and_is_charged_once()
    {
        Server.EnqueueStatus(429, retryAfter: "7");
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();

        await DrainGenerationsAsync();

        var waiting = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("model_rate_limited", waiting.Error!.Code);
        var wait = waiting.NextAttemptAt!.Value - Clock.GetUtcNow();
        Assert.InRange(wait.TotalSeconds, 5, 7.01);
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));

        Assert.Equal(0, await DrainGenerationsAsync());
        Clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(1, await DrainGenerationsAsync());

        var done = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Null(done.Error);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_server_error_is_retried_with_backoff()
    {
        Server.EnqueueStatus(503);
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();

        await DrainGenerationsAsync();
        Assert.Equal("model_unavailable", (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Error!.Code);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await DrainGenerationsAsync();

        Assert.Equal(GenerationStatus.Succeeded, (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status);
    }

    [Fact]
    public async Task Output_that_breaks_the_schema_is_retried_with_the_validation_errors_in_the_prompt()
    {
        Server.EnqueueChat("""{"name":"Acme Bikes","pages":[]}""");
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();

        Assert.True(await Processor.ProcessNextAsync(CancellationToken.None));
        var firstTry = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Queued, firstTry.Status);
        Assert.Equal("output_invalid", firstTry.Error!.Code);
        Assert.True(await Processor.ProcessNextAsync(CancellationToken.None));

        var requests = Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("previous answer was rejected", requests[0].BodyAs<ChatRequest>().Messages[1].Content.ToString());
        var repair = requests[1].BodyAs<ChatRequest>().Messages[1].Content.ToString();
        Assert.Contains("previous answer was rejected", repair);
        Assert.Contains("theme", repair);
        Assert.Contains("pages", repair);
        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        Assert.Equal(2, generation.Attempts);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_permanent_failure_fails_at_once_and_releases_the_hold()
    {
        Server.EnqueueStatus(400);
        var (team, id) = await SubmitWebsiteAsync();

        await DrainGenerationsAsync();

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Failed, generation.Status);
        Assert.Equal(1, generation.Attempts);
        Assert.Equal("model_rejected", generation.Error!.Code);
        Assert.Null(generation.Output);
        Assert.Equal((50, 50, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Transient_failures_on_every_attempt_end_in_failure_and_release_the_hold()
    {
        for (var i = 0; i < 3; i++)
            Server.EnqueueStatus(500);
        var (team, id) = await SubmitWebsiteAsync();

        for (var i = 0; i < 3; i++)
        {
            await DrainGenerationsAsync();
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Failed, generation.Status);
        Assert.Equal(3, generation.Attempts);
        Assert.Equal("model_unavailable", generation.Error!.Code);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal((50, 50, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_failure()
    {
        var unreachable = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai",
            ["Ai:Endpoint"] = "http://127.0.0.1:9/v1",
        });
        await using (unreachable)
        {
            var (team, id) = await SubmitWebsiteAsync();
            await unreachable.Services.GetRequiredService<GenerationProcessor>().DrainAsync(CancellationToken.None);

            var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
            Assert.Equal(GenerationStatus.Queued, generation.Status);
            Assert.Equal("model_unavailable", generation.Error!.Code);
        }
    }

    [Fact]
    public async Task A_stalled_worker_loses_its_job_after_the_lease_and_cannot_finish_or_charge_it_again()
    {
        var release = new TaskCompletionSource();
        Server.EnqueueStalledChat(release.Task, ValidWebsite);
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();

        var stalled = Processor.ProcessNextAsync(CancellationToken.None);
        await Server.WaitForRequestsAsync(1);
        Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.True(await Processor.ProcessNextAsync(CancellationToken.None));
        var finished = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        release.SetResult();
        await stalled;

        Assert.Equal(GenerationStatus.Succeeded, finished.Status);
        Assert.Equal(2, finished.Attempts);
        var after = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(finished.CompletedAt, after.CompletedAt);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.True((await new LedgerDriver(Factory.Services).ReconcileAsync(team.WorkspaceId)).IsBalanced);
    }

    [Fact]
    public async Task A_worker_stopped_mid_job_leaves_it_to_another_worker_after_the_lease()
    {
        Server.EnqueueStalledChat(new TaskCompletionSource().Task, ValidWebsite);
        Server.EnqueueChat(ValidWebsite);
        var (team, id) = await SubmitWebsiteAsync();
        var pool = Factory.Services.GetRequiredService<GenerationWorkerPool>();

        var first = pool.Start();
        await Server.WaitForRequestsAsync(1);
        await first.DisposeAsync();
        Assert.Equal(GenerationStatus.Running, (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status);

        Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await using (pool.Start())
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline
                   && (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status != GenerationStatus.Succeeded)
                await Task.Delay(50);
        }

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        Assert.Equal(2, generation.Attempts);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_running_job_renews_its_lease_so_no_other_worker_takes_it_over()
    {
        var options = Factory.Services.GetRequiredService<IOptionsMonitor<GenerationOptions>>().CurrentValue;
        var lease = options.Lease;
        options.Lease = TimeSpan.FromMilliseconds(900);
        try
        {
            var release = new TaskCompletionSource();
            Server.EnqueueStalledChat(release.Task, ValidWebsite);
            var (team, id) = await SubmitWebsiteAsync();
            var running = Processor.ProcessNextAsync(CancellationToken.None);
            await Server.WaitForRequestsAsync(1);

            // Past the end of the lease it was claimed with: only a renewal made since keeps the job from the next worker.
            Clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForLeaseBeyondAsync(id, Clock.GetUtcNow());
            Assert.False(await Processor.ProcessNextAsync(CancellationToken.None));
            release.SetResult();
            await running;

            var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
            Assert.Equal(GenerationStatus.Succeeded, generation.Status);
            Assert.Equal(1, generation.Attempts);
            Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        }
        finally
        {
            options.Lease = lease;
        }
    }

    [Fact]
    public async Task The_jobs_of_a_batch_renew_their_leases_together_so_no_other_worker_takes_them_over()
    {
        var options = Factory.Services.GetRequiredService<IOptionsMonitor<GenerationOptions>>().CurrentValue;
        var (lease, batch) = (options.Lease, options.CompletionBatch);
        options.Lease = TimeSpan.FromMilliseconds(900);
        options.CompletionBatch = 2;
        try
        {
            var release = new TaskCompletionSource();
            Server.EnqueueStalledChat(release.Task, ValidWebsite);
            Server.EnqueueStalledChat(release.Task, ValidWebsite);
            var (first, firstId) = await SubmitWebsiteAsync();
            var (second, secondId) = await SubmitWebsiteAsync();
            var running = Processor.ProcessNextAsync(CancellationToken.None);
            await Server.WaitForRequestsAsync(2);

            Clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForLeaseBeyondAsync(firstId, Clock.GetUtcNow());
            await WaitForLeaseBeyondAsync(secondId, Clock.GetUtcNow());
            Assert.False(await Processor.ProcessNextAsync(CancellationToken.None));
            release.SetResult();
            await running;

            foreach (var (team, id) in new[] { (first, firstId), (second, secondId) })
            {
                var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
                Assert.Equal((GenerationStatus.Succeeded, 1), (generation.Status, generation.Attempts));
                Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
            }
        }
        finally
        {
            (options.Lease, options.CompletionBatch) = (lease, batch);
        }
    }

    private async Task WaitForLeaseBeyondAsync(Guid generationId, DateTimeOffset instant)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM generations WHERE id = @id AND lease_expires_at > @instant", connection);
        command.Parameters.AddWithValue("id", generationId);
        command.Parameters.AddWithValue("instant", instant);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The lease was not renewed.");
            await Task.Delay(50);
        }
    }
}
