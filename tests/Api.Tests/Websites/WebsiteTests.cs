using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Generations;
using IaGenify.Application.Websites;
using IaGenify.Domain.Events;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Websites;

public sealed class WebsiteTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    [Fact]
    public async Task A_prompt_becomes_an_editable_website_with_pages_and_sections_paid_on_success()
    {
        var team = await CreateTeamAsync();

        var response = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId),
            new { name = "Pain Doré", prompt = "A small bakery in Lyon, fresh bread and pastries every morning" });

        await response.ShouldBe(202);
        var created = await response.ReadAsync<CreatedWebsiteDto>();
        var id = created.Id;
        Assert.Equal(WebsiteStatus.Generating, created.Status);
        var generationId = created.GenerationId;
        Assert.Equal((50, 30, 20), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
        Assert.Empty((await WebsiteAsync(team.Viewer.Client, team.WorkspaceId, id)).Pages);

        await DrainGenerationsAsync();

        var website = await WebsiteAsync(team.Viewer.Client, team.WorkspaceId, id);
        Assert.Equal(WebsiteStatus.Ready, website.Status);
        Assert.Equal("Pain Doré", website.Name);
        Assert.Equal("pain-dore", website.Slug);
        Assert.Equal(ThemeFont.Serif, website.Theme.Font);
        var pages = website.Pages;
        Assert.Equal(["/", "/about", "/contact"], pages.Select(p => p.Path));
        var hero = pages[0].Sections[0];
        Assert.Equal("hero", hero.Type);
        Assert.NotEqual(Guid.Empty, hero.Id);
        Assert.Equal("Welcome to Pain Doré", Heading(hero));
        Assert.Equal(GenerationStatus.Succeeded, (await GenerationAsync(team.Viewer.Client, team.WorkspaceId, generationId)).Status);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Generation_outcomes_and_publications_go_out_as_events()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);

        using var scope = Factory.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxEvent>().IgnoreQueryFilters()
            .Where(e => e.WorkspaceId == team.WorkspaceId).OrderBy(e => e.OccurredAt).ToListAsync();
        var succeeded = Assert.Single(events, e => e.Type == "generation.succeeded");
        var data = ApiJson.Read<GenerationEventData>(succeeded.Data);
        Assert.Equal(id, data.WebsiteId);
        Assert.Equal(20, data.Charged);
        Assert.DoesNotContain("bakery", succeeded.Data);
        var published = Assert.Single(events, e => e.Type == "website.published");
        Assert.Equal("pain-dore", ApiJson.Read<WebsitePublishedData>(published.Data).Slug);
    }

    [Fact]
    public async Task Creating_a_website_with_an_idempotency_key_twice_creates_one_website()
    {
        var team = await CreateTeamAsync();
        HttpRequestMessage Request() => new(HttpMethod.Post, Url(team.WorkspaceId))
        {
            Content = JsonContent.Create(new { name = "Acme", prompt = "A hardware store" }),
            Headers = { { "Idempotency-Key", "create-acme" } },
        };

        var first = await (await team.Member.Client.SendAsync(Request())).ReadAsync<CreatedWebsiteDto>();
        var second = await (await team.Member.Client.SendAsync(Request())).ReadAsync<CreatedWebsiteDto>();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.GenerationId, second.GenerationId);
        var list = await (await team.Viewer.Client.GetAsync(Url(team.WorkspaceId))).ReadAsync<CursorPage<WebsiteSummaryDto>>();
        Assert.Single(list.Items);
    }

    [Fact]
    public async Task A_website_that_does_not_fit_the_balance_is_not_created()
    {
        var team = await CreateTeamAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var debit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{team.WorkspaceId}/credits/adjustments")
        {
            Content = JsonContent.Create(new { amount = -35, reason = "leave 15, less than a website costs" }),
        };
        debit.Headers.Add("Idempotency-Key", "drain");
        await (await staff.Client.SendAsync(debit)).ShouldBe(201);

        var refused = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId), new { name = "Three", prompt = "Another" });

        var problem = await refused.ShouldBeProblem(402, "insufficient_credits");
        Assert.Equal((20, 15), (problem.Required, problem.Available));
        Assert.Empty((await (await team.Viewer.Client.GetAsync(Url(team.WorkspaceId))).ReadAsync<CursorPage<WebsiteSummaryDto>>()).Items);
    }

    [Fact]
    public async Task Cancelling_the_generation_marks_the_website_as_failed_and_refunds_it()
    {
        var team = await CreateTeamAsync();
        var created = await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId), new { name = "Acme", prompt = "A shop" })).ReadAsync<CreatedWebsiteDto>();

        await (await team.Member.Client.PostAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/generations/{created.GenerationId}/cancel", null)).ShouldBe(200);

        var website = await WebsiteAsync(team.Viewer.Client, team.WorkspaceId, created.Id);
        Assert.Equal(WebsiteStatus.GenerationFailed, website.Status);
        Assert.Equal((50, 50, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Slugs_are_unique_across_workspaces_and_can_be_changed()
    {
        var team = await CreateTeamAsync();
        var other = await CreateTeamAsync();
        var first = await CreateGeneratedWebsiteAsync(team, "Acme");
        var second = await CreateGeneratedWebsiteAsync(other, "Acme");

        var firstSlug = (await WebsiteAsync(team.Member.Client, team.WorkspaceId, first)).Slug;
        var secondSlug = (await WebsiteAsync(other.Member.Client, other.WorkspaceId, second)).Slug;
        Assert.Equal("acme", firstSlug);
        Assert.StartsWith("acme-", secondSlug);

        await (await other.Member.Client.PatchAsJsonAsync(Url(other.WorkspaceId, $"/{second}"), new { slug = "acme" }))
            .ShouldBeProblem(409, "website.slug_taken");
        await (await other.Member.Client.PatchAsJsonAsync(Url(other.WorkspaceId, $"/{second}"), new { slug = "Not A Slug" }))
            .ShouldBeProblem(400, "validation_failed");
        var renamed = await other.Member.Client.PatchAsJsonAsync(Url(other.WorkspaceId, $"/{second}"),
            new { name = "Acme Two", slug = "acme-two", theme = new { primary = "#000000", accent = "#111111", background = "#ffffff", text = "#222222", font = "mono" } });
        await renamed.ShouldBe(200);
        var body = await renamed.ReadAsync<WebsiteDto>();
        Assert.Equal(("Acme Two", "acme-two", ThemeFont.Mono), (body.Name, body.Slug, body.Theme.Font));
    }

    [Fact]
    public async Task Pages_are_added_renamed_reordered_and_deleted()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);

        var added = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages"), new { path = "/menu", title = "Menu" });
        await added.ShouldBe(201);
        var pageId = (await added.ReadAsync<PageDto>()).Id;
        await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages"), new { path = "/menu", title = "Again" }))
            .ShouldBeProblem(409, "page.path_taken");
        await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages"), new { path = "/assets", title = "No" }))
            .ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}"), new { title = "Our menu", description = "Breads" }))
            .ShouldBe(200);

        var website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        var ids = website.Pages.Select(p => p.Id).ToList();
        ids.Reverse();
        var reordered = await team.Member.Client.PutAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/order"), new { pageIds = ids });
        await reordered.ShouldBe(200);
        Assert.Equal(ids, (await reordered.ReadAsync<WebsiteDto>()).Pages.Select(p => p.Id));
        await (await team.Member.Client.PutAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/order"), new { pageIds = ids.Take(2) }))
            .ShouldBeProblem(409, "website.reorder_mismatch");

        await (await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}"))).ShouldBe(204);
        website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        Assert.DoesNotContain(website.Pages, p => p.Path == "/menu");
        await (await team.Viewer.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}/pages/{ids[0]}"))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Sections_are_added_edited_with_validation_reordered_and_deleted()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        var page = website.Pages[1];
        var pageId = page.Id;

        var added = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}/sections"), new { type = "faq", position = 0 });
        await added.ShouldBe(201);
        var section = await added.ReadAsync<SectionDto>();
        var sectionId = section.Id;
        Assert.Equal("faq", section.Type);
        Assert.Equal(0, section.Order);

        var invalid = await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"),
            new { props = new { items = new[] { new { question = "Q?" } }, colour = "red" } });
        var errors = (await invalid.ShouldBeProblem(400, "validation_failed")).ErrorFields();
        Assert.Contains("props.heading", errors);
        Assert.Contains("props.items[0].answer", errors);
        Assert.Contains("props.colour", errors);
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"),
            new { props = new { heading = "H", imageAssetId = Guid.NewGuid() } })).ShouldBeProblem(400);
        await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}/sections"), new { type = "banner" }))
            .ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}/sections"),
            new { type = "cta", props = new { heading = "Go", buttonLabel = "Click", buttonHref = "javascript:alert(1)" } }))
            .ShouldBeProblem(400, "validation_failed");

        var edited = await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"),
            new { props = new { heading = "  Questions  ", items = new[] { new { question = "Gluten free?", answer = "Some breads are." } } } });
        await edited.ShouldBe(200);
        Assert.Equal("Questions", Heading(await edited.ReadAsync<SectionDto>()));

        website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        var order = website.Pages[1].Sections.Select(s => s.Id).Reverse().ToList();
        var reordered = await team.Member.Client.PutAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages/{pageId}/sections/order"), new { sectionIds = order });
        await reordered.ShouldBe(200);
        Assert.Equal(order, (await reordered.ReadAsync<PageDto>()).Sections.Select(s => s.Id));

        await (await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"))).ShouldBe(204);
        await (await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_section_is_regenerated_by_a_paid_section_generation()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var cta = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "cta");
        var sectionId = cta.Id;
        await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"),
            new { props = new { heading = "Old", buttonLabel = "Old", buttonHref = "/" } });

        var response = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}/regenerate"),
            new { instruction = "Make it warmer" });
        await response.ShouldBe(202);
        Assert.Equal(5, (await response.ReadAsync<SubmittedGenerationDto>()).Price);
        await DrainGenerationsAsync();

        var regenerated = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "cta");
        Assert.Equal(sectionId, regenerated.Id);
        Assert.Equal("Ready to start?", Heading(regenerated));
        Assert.Equal((25, 25, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_regeneration_whose_section_was_deleted_fails_and_is_not_charged()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var sectionId = FirstSection(await WebsiteAsync(team.Member.Client, team.WorkspaceId, id), "cta").Id;
        var generationId = (await (await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}/regenerate"),
            new { instruction = "Shorter" })).ReadAsync<SubmittedGenerationDto>()).Id;
        await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}/sections/{sectionId}"));

        await DrainGenerationsAsync();

        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, generationId);
        Assert.Equal(GenerationStatus.Failed, generation.Status);
        Assert.Equal("target_gone", generation.Error!.Code);
        Assert.Equal((30, 30, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task A_page_is_generated_from_a_prompt_and_added()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);

        var response = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId, $"/{id}/pages"), new { prompt = "Our pricing and plans" });
        await response.ShouldBe(202);
        await DrainGenerationsAsync();

        var pages = (await WebsiteAsync(team.Member.Client, team.WorkspaceId, id)).Pages;
        var pricing = Assert.Single(pages, p => p.Path == "/pricing");
        Assert.Equal("pricing", pricing.Sections[0].Type);
        Assert.Equal((20, 20, 0), await CreditsAsync(team.Viewer.Client, team.WorkspaceId));
    }

    [Fact]
    public async Task Deleting_a_website_removes_it_and_its_public_site()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);

        await (await team.Viewer.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}"))).ShouldBeProblem(403);
        await (await team.Member.Client.DeleteAsync(Url(team.WorkspaceId, $"/{id}"))).ShouldBe(204);

        await (await team.Member.Client.GetAsync(Url(team.WorkspaceId, $"/{id}"))).ShouldBeProblem(404);
        await (await Anonymous().GetAsync("/sites/pain-dore/")).ShouldBe(404);
    }

    [Fact]
    public async Task Another_tenant_cannot_reach_a_website_even_with_its_real_ids()
    {
        var victim = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(victim);
        var website = await WebsiteAsync(victim.Member.Client, victim.WorkspaceId, id);
        var sectionId = FirstSection(website, "hero").Id;
        var attacker = await CreateTeamAsync();

        await (await attacker.Owner.Client.GetAsync(Url(victim.WorkspaceId, $"/{id}"))).ShouldBeProblem(404);
        await (await attacker.Owner.Client.GetAsync(Url(attacker.WorkspaceId, $"/{id}"))).ShouldBeProblem(404);
        await (await attacker.Owner.Client.GetAsync(Url(attacker.WorkspaceId, $"/{id}/preview"))).ShouldBeProblem(404);
        await (await attacker.Owner.Client.PatchAsJsonAsync(Url(attacker.WorkspaceId, $"/{id}/sections/{sectionId}"),
            new { props = new { heading = "Hacked" } })).ShouldBeProblem(404);
        await (await attacker.Owner.Client.PostAsync(Url(attacker.WorkspaceId, $"/{id}/publish"), null)).ShouldBeProblem(404);
        await (await attacker.Owner.Client.PostAsJsonAsync(Url(attacker.WorkspaceId, $"/{id}/sections/{sectionId}/regenerate"),
            new { instruction = "x" })).ShouldBeProblem(404);
        Assert.Equal("Welcome to Pain Doré", Heading(FirstSection(await WebsiteAsync(victim.Member.Client, victim.WorkspaceId, id), "hero")));
    }
}
