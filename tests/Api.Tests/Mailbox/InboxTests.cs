using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Mailbox;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>The inbox API: filters, full-text search, cursor paging, per-member read state, triage, trash, permissions.</summary>
public sealed class InboxTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    [Fact]
    public async Task Threads_are_paged_with_a_cursor_newest_first_and_filtered_by_website_and_unread()
    {
        var (team, websiteId, slug) = await PublishedSiteAsync();
        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await (await ContactJsonAsync(slug, email: $"v{i}@example.org", message: $"Message number {i}")).ShouldBe(202);
        }
        var first = await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?limit=2");
        Assert.Equal(["v4@example.org", "v3@example.org"], first.Items.Select(t => t.From.Email));
        var cursor = first.NextCursor;
        var second = await ThreadsAsync(team.Member.Client, team.WorkspaceId, $"?limit=2&cursor={cursor}");
        Assert.Equal(["v2@example.org", "v1@example.org"], second.Items.Select(t => t.From.Email));
        var third = await ThreadsAsync(team.Member.Client, team.WorkspaceId, $"?limit=2&cursor={second.NextCursor}");
        Assert.Single(third.Items);
        Assert.Null(third.NextCursor);

        Assert.Equal(5, (await ThreadsAsync(team.Member.Client, team.WorkspaceId, $"?websiteId={websiteId}")).Items.Count);
        Assert.Empty((await ThreadsAsync(team.Member.Client, team.WorkspaceId, $"?websiteId={Guid.NewGuid()}")).Items);

        var read = first.Items[0].Id;
        await ThreadAsync(team.Member.Client, team.WorkspaceId, read);
        Assert.Equal(4, (await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?unread=true")).Items.Count);
        Assert.Equal(read, OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?unread=false")));
        // Read state is per member: the owner still sees all five unread.
        Assert.Equal(5, (await ThreadsAsync(team.Owner.Client, team.WorkspaceId, "?unread=true")).Items.Count);

        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, "?cursor=garbage"))).ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, "?status=deleted"))).ShouldBeProblem(400, "validation_failed");
        // Enum parsing would read a list as the union of its flags ("open,archived" = archived).
        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, "?status=open,archived"))).ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, "?status=%20spam"))).ShouldBeProblem(400, "validation_failed");
        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, "?limit=1000"))).ShouldBeProblem(400, "validation_failed");
    }

    [Fact]
    public async Task Search_is_full_text_over_subject_sender_and_bodies()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug, name: "Carla Baker", email: "carla@example.org", message: "I need a wedding cake for June")).ShouldBe(202);
        await (await ContactJsonAsync(slug, name: "Dan Miller", email: "dan@example.org", message: "Are you open on Sundays?")).ShouldBe(202);

        Assert.Equal("carla@example.org", (await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?search=wedding%20cake"))
            .Items.Single().From.Email);
        Assert.Equal("dan@example.org", (await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?search=miller"))
            .Items.Single().From.Email);
        Assert.Equal("dan@example.org", (await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?search=sundays"))
            .Items.Single().From.Email);
        Assert.Empty((await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?search=croissant")).Items);
        Assert.Single((await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?search=%22wedding%20cake%22%20-sundays")).Items);
    }

    [Fact]
    public async Task Reading_a_thread_shows_its_messages_and_marks_it_read_and_patch_triages_it()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug, phone: "+33 6 00 00 00 00")).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));

        var thread = await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId);
        var message = thread.Messages.Single();
        Assert.Equal(MailDirection.Inbound, message.Direction);
        Assert.Equal("Do you bake gluten-free bread?", message.Body);
        Assert.Equal(DeliveryStatus.Received, message.DeliveryStatus);
        Assert.Empty(thread.Drafts);
        Assert.False((await ThreadsAsync(team.Member.Client, team.WorkspaceId)).Items[0].Unread);

        var unread = await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { unread = true });
        await unread.ShouldBe(200);
        Assert.True((await unread.ReadAsync<MailThreadSummaryDto>()).Unread);
        var archived = await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status = "archived" });
        await archived.ShouldBe(200);
        Assert.Equal(MailThreadStatus.Archived, (await archived.ReadAsync<MailThreadSummaryDto>()).Status);
        Assert.Empty((await ThreadsAsync(team.Member.Client, team.WorkspaceId)).Items);
        Assert.Single((await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?status=archived")).Items);

        await (await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status = "gone" })).ShouldBeProblem(400);
        await (await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { })).ShouldBeProblem(400, "validation_failed");
    }

    [Fact]
    public async Task Deleting_moves_to_the_trash_audits_and_the_sweep_purges_after_30_days()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));

        await (await team.Member.Client.DeleteAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBe(204);
        await (await team.Member.Client.GetAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBeProblem(404, "not_found");
        await (await team.Member.Client.DeleteAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBeProblem(404, "not_found");
        Assert.Empty((await ThreadsAsync(team.Member.Client, team.WorkspaceId, "?status=open")).Items);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'mailbox.thread_deleted'"));

        await SendMailboxOutboxAsync();
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM mail_threads"));
        Clock.Advance(TimeSpan.FromDays(31));
        await SendMailboxOutboxAsync();
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM mail_threads"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task An_erased_account_leaves_no_read_marks_and_is_not_notified_any_more()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        await ThreadAsync(team.Member.Client, team.WorkspaceId, OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM mail_thread_reads"));

        var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = Password }) };
        await (await team.Member.Client.SendAsync(erase)).ShouldBe(204);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM mail_thread_reads"));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM mail_deliveries WHERE next_attempt_at IS NOT NULL"));
        await SendMailboxOutboxAsync();
        Assert.DoesNotContain(Emails, e => e.To == team.Member.Email.ToLowerInvariant() && e.Subject.StartsWith("New message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewers_get_403_on_every_mailbox_route()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));
        var viewer = team.Viewer.Client;
        await (await viewer.GetAsync(Inbox(team.WorkspaceId))).ShouldBeProblem(403);
        await (await viewer.GetAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBeProblem(403);
        await (await viewer.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status = "archived" })).ShouldBeProblem(403);
        await (await viewer.DeleteAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBeProblem(403);
        await (await viewer.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/drafts"), new { })).ShouldBeProblem(403);
        await (await viewer.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/replies"), new { body = "Hi" })).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_real_thread_ids()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));
        var attacker = await RegisterAsync();
        var own = await CreateWorkspaceAsync(attacker);
        await (await attacker.Client.GetAsync(Inbox(team.WorkspaceId, $"/{threadId}"))).ShouldBeProblem(404);
        await (await attacker.Client.GetAsync(Inbox(own, $"/{threadId}"))).ShouldBeProblem(404);
        await (await attacker.Client.PostAsJsonAsync(Inbox(own, $"/{threadId}/replies"), new { body = "Hi" })).ShouldBeProblem(404);
        await (await attacker.Client.DeleteAsync(Inbox(own, $"/{threadId}"))).ShouldBeProblem(404);
        Assert.Empty((await ThreadsAsync(attacker.Client, own)).Items);
    }
}
