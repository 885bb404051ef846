using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Mailbox;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>AI reply drafts: a mailReply generation held and captured once, released when it cannot apply, shown on the thread.</summary>
public sealed class DraftTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private async Task<(Team Team, Guid ThreadId)> ThreadAsync()
    {
        var (team, _, slug) = await PublishedSiteAsync("Sweet Crumbs");
        await (await ContactJsonAsync(slug, message: "How much is a birthday cake for 12 people?")).ShouldBe(202);
        return (team, OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId)));
    }

    [Fact]
    public async Task A_draft_is_a_held_generation_charged_once_and_shown_on_the_thread_when_it_succeeds()
    {
        var (team, threadId) = await ThreadAsync();
        var before = await CreditsAsync(team.Owner.Client, team.WorkspaceId);

        var response = await team.Member.Client.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/drafts"), new { instruction = "Be warm." });
        await response.ShouldBe(202);
        var generationId = (await response.ReadAsync<DraftRequestedDto>()).GenerationId;
        var generation = await GenerationAsync(team.Member.Client, team.WorkspaceId, generationId);
        Assert.Equal(GenerationKind.MailReply, generation.Kind);
        Assert.Equal((before.Balance, before.Available - 1, 1L), await CreditsAsync(team.Owner.Client, team.WorkspaceId));
        var pending = (await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId)).Drafts.Single();
        Assert.Equal(MailDraftStatus.Pending, pending.Status);
        Assert.Equal("Be warm.", pending.Instruction);

        await DrainGenerationsAsync();
        await DrainGenerationsAsync();

        Assert.Equal(GenerationStatus.Succeeded, (await GenerationAsync(team.Member.Client, team.WorkspaceId, generationId)).Status);
        Assert.Equal((before.Balance - 1, before.Available - 1, 0L), await CreditsAsync(team.Owner.Client, team.WorkspaceId));
        var draft = (await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId)).Drafts.Single();
        Assert.Equal(MailDraftStatus.Ready, draft.Status);
        Assert.Equal(generationId, draft.GenerationId);
        Assert.StartsWith("Re: Sweet Crumbs", draft.Subject);
        var body = draft.Body!;
        Assert.Contains("Hello Ada,", body);
        Assert.Contains("You asked about prices", body);
        Assert.Contains("Sweet Crumbs", body);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'mailbox.draft_requested'"));
    }

    [Fact]
    public async Task A_draft_whose_thread_was_deleted_fails_and_releases_its_hold()
    {
        var (team, threadId) = await ThreadAsync();
        var before = await CreditsAsync(team.Owner.Client, team.WorkspaceId);
        var generationId = (await (await team.Member.Client.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/drafts"), new { })).ReadAsync<DraftRequestedDto>())
            .GenerationId;
        await (await team.Member.Client.DeleteAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBe(204);

        await DrainGenerationsAsync();

        Assert.Equal(GenerationStatus.Failed, (await GenerationAsync(team.Member.Client, team.WorkspaceId, generationId)).Status);
        Assert.Equal(before, await CreditsAsync(team.Owner.Client, team.WorkspaceId));
        Assert.Equal("Failed", await ScalarAsync<string>("SELECT status FROM mail_drafts"));
    }

    [Fact]
    public async Task A_draft_request_with_an_idempotency_key_queues_one_generation()
    {
        var (team, threadId) = await ThreadAsync();
        async Task<Guid> RequestAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Inbox(team.WorkspaceId, $"/{threadId}/drafts"))
            {
                Content = JsonContent.Create(new { instruction = "Short please" }),
            };
            request.Headers.Add("Idempotency-Key", "draft-1");
            var response = await team.Member.Client.SendAsync(request);
            await response.ShouldBe(202);
            return (await response.ReadAsync<DraftRequestedDto>()).GenerationId;
        }
        Assert.Equal(await RequestAsync(), await RequestAsync());
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM generations WHERE kind = 'MailReply'"));
    }

    [Fact]
    public async Task Mail_replies_cannot_be_submitted_as_plain_generations_and_instructions_are_checked()
    {
        var (team, threadId) = await ThreadAsync();
        await (await SubmitAsync(team.Member.Client, team.WorkspaceId, new { kind = "mailReply", input = new { prompt = "Hi" } }))
            .ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/drafts"), new { instruction = new string('x', 1001) }))
            .ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{Guid.NewGuid()}/drafts"), new { })).ShouldBeProblem(404);
    }
}
