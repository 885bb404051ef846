using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Generations;

public sealed class GenerationApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Website(string prompt = "A small bakery in Lyon called \"Pain Doré\", fresh bread every morning") =>
        new { kind = "website", input = new { prompt } };

    [Fact]
    public async Task A_website_generation_is_queued_with_its_price_reserved_then_succeeds_offline_and_is_charged_once()
    {
        var team = await CreateTeamAsync();

        var submitted = await SubmitAsync(team.Member.Client, team.WorkspaceId, Website());

        await submitted.ShouldBe(202);
        var body = await submitted.ReadAsync<SubmittedGenerationDto>();
        var id = body.Id;
        Assert.Equal(GenerationStatus.Queued, body.Status);
        Assert.Equal(20, body.Price);
        Assert.EndsWith($"/generations/{id}", submitted.Headers.Location!.ToString());
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));

        Assert.Equal(1, await DrainGenerationsAsync());

        var generation = await GenerationAsync(team.Viewer.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        Assert.Equal(1, generation.Attempts);
        Assert.Null(generation.Error);
        Assert.NotNull(generation.CompletedAt);
        var output = generation.OutputAs<WebsiteOutput>();
        Assert.Equal("offline", output.Provider);
        Assert.Equal("Pain Doré", output.Name);
        var pages = output.Pages;
        Assert.Equal("/", pages[0].Path);
        Assert.Equal("hero", pages[0].Sections[0].Type);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.Equal(0, await DrainGenerationsAsync());
    }

    [Fact]
    public async Task A_generation_that_does_not_fit_the_balance_is_refused_with_402_and_nothing_is_written()
    {
        var team = await CreateTeamAsync();
        await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ShouldBe(202);
        await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ShouldBe(202);

        var refused = await SubmitAsync(team.Member.Client, team.WorkspaceId, Website());

        var problem = await refused.ShouldBeProblem(402);
        Assert.Equal(20, problem.Required);
        Assert.Equal(10, problem.Available);
        var list = await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations")).ReadAsync<CursorPage<GenerationSummaryDto>>();
        Assert.Equal(2, list.Items.Count);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_same_generation_and_reserves_once()
    {
        var team = await CreateTeamAsync();

        var first = await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website(), "key-1")).ReadAsync<SubmittedGenerationDto>();
        var replay = await SubmitAsync(team.Member.Client, team.WorkspaceId, Website(), "key-1");
        var other = await SubmitAsync(team.Member.Client, team.WorkspaceId, Website("Something else"), "key-1");

        await replay.ShouldBe(202);
        Assert.Equal(first.Id, (await replay.ReadAsync<SubmittedGenerationDto>()).Id);
        await other.ShouldBeProblem(422, "idempotency_key_reused");
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_generation()
    {
        var team = await CreateTeamAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitAsync(team.Member.Client, team.WorkspaceId, Website(), "same")));

        // A duplicate arriving while the first is still running is told so (409); the others replay the first answer.
        Assert.All(responses, r => Assert.Contains((int)r.StatusCode, new[] { 202, 409 }));
        var accepted = responses.Where(r => (int)r.StatusCode == 202).ToList();
        Assert.NotEmpty(accepted);
        var ids = await Task.WhenAll(accepted.Select(async r => (await r.ReadAsync<SubmittedGenerationDto>()).Id));
        Assert.Single(ids.Distinct());
        var retry = await SubmitAsync(team.Member.Client, team.WorkspaceId, Website(), "same");
        await retry.ShouldBe(202);
        Assert.Equal(ids[0], (await retry.ReadAsync<SubmittedGenerationDto>()).Id);
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Concurrent_submissions_beyond_the_balance_accept_exactly_what_is_affordable()
    {
        var team = await CreateTeamAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            SubmitAsync(team.Member.Client, team.WorkspaceId, Website($"Shop number {i}"))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(2, statuses.Count(s => s == 202));
        Assert.Equal(8, statuses.Count(s => s == 402));
        Assert.Equal((50, 10, 40), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.True((await new LedgerDriver(Factory.Services).ReconcileAsync(team.WorkspaceId)).IsBalanced);
    }

    [Fact]
    public async Task Cancelling_a_queued_generation_releases_its_hold_and_no_worker_runs_it()
    {
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ReadAsync<SubmittedGenerationDto>()).Id;

        var cancelled = await team.Member.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations/{id}/cancel", null);

        await cancelled.ShouldBe(200);
        Assert.Equal(GenerationStatus.Cancelled, (await cancelled.ReadAsync<GenerationDto>()).Status);
        Assert.Equal((50, 50, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.Equal(0, await DrainGenerationsAsync());
        await (await team.Member.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations/{id}/cancel", null))
            .ShouldBeProblem(409, "generation.finished");
    }

    [Fact]
    public async Task A_finished_generation_cannot_be_cancelled()
    {
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ReadAsync<SubmittedGenerationDto>()).Id;
        await DrainGenerationsAsync();

        await (await team.Member.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations/{id}/cancel", null))
            .ShouldBeProblem(409, "generation.finished");
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Viewers_read_generations_but_cannot_start_or_cancel_them()
    {
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ReadAsync<SubmittedGenerationDto>()).Id;

        await (await SubmitAsync(team.Viewer.Client, team.WorkspaceId, Website())).ShouldBeProblem(403, "permission_denied");
        await (await team.Viewer.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations/{id}/cancel", null))
            .ShouldBeProblem(403, "permission_denied");
        await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations/{id}")).ShouldBe(200);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem()
    {
        var team = await CreateTeamAsync();

        var empty = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "website", input = new { prompt = " " } });
        var noType = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "section", input = new { prompt = "A hero" } });
        var unknownKind = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "poem", input = new { prompt = "x" } });
        var tooLong = await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "website", input = new { prompt = new string('x', 4001) } });
        var longName = await SubmitAsync(team.Member.Client, team.WorkspaceId,
            new { kind = "page", input = new { prompt = "About us", name = new string('n', 101) } });

        Assert.Contains("input.prompt", (await empty.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Contains("input.sectionType", (await noType.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        await unknownKind.ShouldBeProblem(400, "validation_failed");
        Assert.Contains("input.prompt", (await tooLong.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Contains("input.name", (await longName.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Equal((50, 50, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_section_generation_answers_props_of_the_asked_type()
    {
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId,
            new { kind = "section", input = new { prompt = "Questions people ask about our yoga classes", sectionType = "faq" } })).ReadAsync<SubmittedGenerationDto>())
            .Id;

        await DrainGenerationsAsync();

        var output = (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).OutputAs<SectionOutput>();
        Assert.Equal("faq", output.Type);
        Assert.True(output.Props.Items.Count > 0);
        Assert.Equal((45, 45, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Generations_are_listed_newest_first_with_cursor_paging_and_filters()
    {
        var team = await CreateTeamAsync();
        var ids = new List<Guid>();
        foreach (var type in new[] { "hero", "faq", "cta" })
            ids.Add((await (await SubmitAsync(team.Member.Client, team.WorkspaceId,
                new { kind = "section", input = new { prompt = "p", sectionType = type } })).ReadAsync<SubmittedGenerationDto>()).Id);
        var first = await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations?limit=2")).ReadAsync<CursorPage<GenerationSummaryDto>>();
        var next = first.NextCursor;
        var second = await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations?limit=2&cursor={next}")).ReadAsync<CursorPage<GenerationSummaryDto>>();
        var websites = await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/generations?kind=website")).ReadAsync<CursorPage<GenerationSummaryDto>>();

        Assert.Equal([ids[2], ids[1]], first.Items.Select(i => i.Id));
        Assert.Equal([ids[0]], second.Items.Select(i => i.Id));
        Assert.Null(second.NextCursor);
        Assert.Empty(websites.Items);
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_reclaimed_after_its_lease_and_charged_once()
    {
        var team = await CreateTeamAsync();
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ReadAsync<SubmittedGenerationDto>()).Id;
        // A worker claims the job and dies before finishing: nothing but the claim is written.
        using (var scope = Factory.Services.CreateScope())
            Assert.Single(await scope.ServiceProvider.GetRequiredService<IGenerationQueue>().ClaimAsync(10, CancellationToken.None));
        Assert.Equal(GenerationStatus.Running, (await GenerationAsync(team.Member.Client, team.WorkspaceId, id)).Status);

        Assert.Equal(0, await DrainGenerationsAsync());
        Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DrainGenerationsAsync());

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        Assert.Equal(2, generation.Attempts);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_job_completes_with_the_model_settings_it_was_submitted_with()
    {
        var team = await CreateTeamAsync();
        var overrides = new { overrides = new[] { new { kind = "website", model = "llama3.1:8b", temperature = 0.3, maxTokens = 900 } } };
        await (await team.Admin.Client.PutAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/settings/models", overrides)).ShouldBe(200);
        var id = (await (await SubmitAsync(team.Member.Client, team.WorkspaceId, Website())).ReadAsync<SubmittedGenerationDto>()).Id;

        Assert.Equal(1, await DrainGenerationsAsync());

        // The completion loads the job with the statement that locks it; what it saves must be what was submitted.
        using var scope = Factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Generation>().IgnoreQueryFilters()
            .SingleAsync(g => g.Id == id);
        Assert.Equal(GenerationStatus.Succeeded, stored.Status);
        Assert.Equal(new ModelSettings("offline", "llama3.1:8b", 0.3, 900), stored.ModelSettings);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Admins_override_model_settings_per_kind_and_members_cannot()
    {
        var team = await CreateTeamAsync();
        var url = $"/api/v1/workspaces/{team.WorkspaceId}/settings/models";

        var put = await team.Admin.Client.PutAsJsonAsync(url, new { overrides = new[] { new { kind = "website", model = "llama3.1:8b", temperature = 0.3 } } });
        await put.ShouldBe(200);
        var settings = await (await team.Admin.Client.GetAsync(url)).ReadAsync<ModelSettingsDto>();
        var website = settings.Kinds.Single(k => k.Kind == GenerationKind.Website);

        Assert.Equal("offline", settings.Provider);
        Assert.Equal("llama3.1:8b", website.Effective.Model);
        Assert.Equal(0.3, website.Effective.Temperature);
        Assert.Equal("offline", website.Default.Model);
        await (await team.Member.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await team.Member.Client.PutAsJsonAsync(url, new { overrides = Array.Empty<object>() })).ShouldBeProblem(403);
        var invalid = await team.Admin.Client.PutAsJsonAsync(url, new { overrides = new[] { new { kind = "image", temperature = 3.5 } } });
        await invalid.ShouldBeProblem(400, "validation_failed");
    }
}
