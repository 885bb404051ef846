using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Mailbox;
using IaGenify.Domain.Mailbox;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>The contact form of published sites: form and JSON callers, errors, honeypot, limits, threading, notifications.</summary>
public sealed class ContactIntakeTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private HttpClient NoRedirects(ApiFactory? factory = null) =>
        (factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Dictionary<string, string> Fields(string message = "Hello, do you deliver?", string email = "bob@example.org") => new()
    {
        ["name"] = "Bob Visitor", ["email"] = email, ["message"] = message, ["phone"] = "+33 1 23 45 67 89", ["page"] = "/contact", ["website"] = "",
    };

    [Fact]
    public async Task A_visitor_writing_while_a_member_changes_the_thread_never_loses_the_message()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug, message: "First message")).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));

        for (var round = 0; round < 30; round++)
        {
            var status = round % 2 == 0 ? "archived" : "open";
            var visitor = ContactJsonAsync(slug, message: $"Message {round}");
            var member = team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status });
            var (written, changed) = (await visitor, await member);
            // The member may be asked to reload (409); the visitor, who cannot, never is.
            await written.ShouldBe(202);
            Assert.Contains((int)changed.StatusCode, new[] { 200, 409 });
            await (await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status = "open" })).ShouldBe(200);
        }
    }

    [Fact]
    public async Task The_contact_page_renders_a_no_script_form_and_allows_posting_to_itself()
    {
        var (_, _, slug) = await PublishedSiteAsync();
        var response = await Anonymous().GetAsync($"/sites/{slug}/contact");
        await response.ShouldBe(200);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<form class=\"contact-form\" method=\"post\" action=\"/sites/{slug}/contact\">", html);
        Assert.Contains("name=\"website\" tabindex=\"-1\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("script-src", csp);
    }

    [Fact]
    public async Task A_form_submission_redirects_to_the_thank_you_page_and_lands_in_the_inbox()
    {
        var (team, websiteId, slug) = await PublishedSiteAsync();
        var response = await ContactFormAsync(slug, Fields(), NoRedirects());
        await response.ShouldBe(303);
        Assert.Equal($"/sites/{slug}/contact/thanks", response.Headers.Location?.OriginalString);
        var thanks = await Anonymous().GetAsync(response.Headers.Location);
        await thanks.ShouldBe(200);
        Assert.Contains("Thank you!", await thanks.Content.ReadAsStringAsync());

        var page = await ThreadsAsync(team.Member.Client, team.WorkspaceId);
        var item = page.Items.Single();
        Assert.Equal(websiteId, item.WebsiteId);
        Assert.Equal("bob@example.org", item.From.Email);
        Assert.Equal(MailThreadStatus.Open, item.Status);
        Assert.True(item.Unread);
        Assert.Equal(1, item.MessageCount);
        Assert.Equal("Hello, do you deliver?", item.Snippet);
    }

    [Fact]
    public async Task A_json_submission_is_accepted_with_202()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        var response = await ContactJsonAsync(slug);
        await response.ShouldBe(202);
        Assert.True((await response.ReadAsync<ContactReceivedDto>()).Received);
        Assert.Single((await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items);
    }

    [Fact]
    public async Task Invalid_submissions_get_the_form_again_or_a_problem_and_store_nothing()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        var form = Fields(email: "not-an-address");
        form["message"] = "";
        var response = await ContactFormAsync(slug, form, NoRedirects());
        await response.ShouldBe(400);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This is not an email address we can answer.", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);

        var problem = await (await ContactJsonAsync(slug, message: new string('x', 10 * 1024 + 1))).ShouldBeProblem(400, "validation_failed");
        Assert.Contains("message", problem.ErrorFields());
        await (await ContactJsonAsync(slug, name: "Eve\u0000")).ShouldBeProblem(400);
        await (await ContactJsonAsync(slug, message: "bell \u0007 ring")).ShouldBeProblem(400, "validation_failed");
        await (await Anonymous().PostAsync($"/sites/{slug}/contact", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblem(400);
        await (await Anonymous().PostAsync($"/sites/{slug}/contact", new StringContent("hi", System.Text.Encoding.UTF8, "text/plain")))
            .ShouldBeProblem(415);
        Assert.Empty((await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items);
    }

    [Fact]
    public async Task A_message_with_an_emoji_where_the_snippet_is_cut_is_accepted_with_whole_characters()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        // The snippet keeps 160 UTF-16 units: the emoji's two halves straddle that cut.
        var message = new string('a', MailThread.MaxSnippetLength - 1) + "\U0001F382 see you soon";
        await (await ContactJsonAsync(slug, message: message)).ShouldBe(202);

        var item = (await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items.Single();
        Assert.Equal(new string('a', MailThread.MaxSnippetLength - 1), item.Snippet);
        Assert.Equal(message, (await ThreadAsync(team.Owner.Client, team.WorkspaceId, item.Id)).Messages.Single().Body);
    }

    [Fact]
    public async Task A_json_submission_in_an_unknown_charset_is_415_and_stores_nothing()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        var content = new StringContent("{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"Hello\"}");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=no-such-charset");
        await (await Anonymous().PostAsync($"/sites/{slug}/contact", content)).ShouldBeProblem(415, "unsupported_media_type");
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task Unknown_and_unpublished_sites_are_404()
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team);
        var slug = (await WebsiteAsync(team.Member.Client, team.WorkspaceId, id)).Slug;
        await (await ContactJsonAsync(slug)).ShouldBeProblem(404, "not_found");
        await (await ContactJsonAsync("no-such-site")).ShouldBeProblem(404, "not_found");
        await (await ContactFormAsync("no-such-site", Fields(), NoRedirects())).ShouldBe(404);
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_success_and_stored_as_spam_without_notification()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        var form = Fields();
        form["website"] = "https://spam.example";
        await (await ContactFormAsync(slug, form, NoRedirects())).ShouldBe(303);

        Assert.Empty((await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items);
        var spam = await ThreadsAsync(team.Owner.Client, team.WorkspaceId, "?status=spam");
        Assert.Equal(MailThreadStatus.Spam, spam.Items[0].Status);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM mail_deliveries"));
    }

    [Fact]
    public async Task A_sender_writing_again_within_7_days_continues_the_thread_and_later_starts_a_new_one()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug, message: "First")).ShouldBe(202);
        Clock.Advance(TimeSpan.FromDays(6));
        await (await ContactJsonAsync(slug, email: "ADA@example.org", message: "Second")).ShouldBe(202);
        var page = await ThreadsAsync(team.Owner.Client, team.WorkspaceId);
        Assert.Equal(2, page.Items[0].MessageCount);

        Clock.Advance(TimeSpan.FromDays(8));
        await (await ContactJsonAsync(slug, message: "Third")).ShouldBe(202);
        Assert.Equal(2, (await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items.Count);
    }

    [Fact]
    public async Task Concurrent_submissions_of_one_sender_all_land_in_one_thread()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ContactJsonAsync(slug, message: $"Message {i}")));
        foreach (var response in responses)
            await response.ShouldBe(202);
        var items = (await ThreadsAsync(team.Owner.Client, team.WorkspaceId)).Items;
        Assert.Equal(8, items.Sum(t => t.MessageCount));
        Assert.Single(items);
        Assert.Equal(8L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task Members_and_above_are_notified_by_email_through_the_outbox_and_a_webhook_event_is_published()
    {
        var (team, _, slug) = await PublishedSiteAsync();
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM mail_deliveries WHERE kind = 'Notification'"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM outbox_events WHERE type = 'mailbox.message_received'"));
        var data = await ScalarAsync<string>("SELECT data::text FROM outbox_events WHERE type = 'mailbox.message_received'");
        Assert.DoesNotContain("gluten", data);

        Assert.Equal(3, await SendMailboxOutboxAsync());
        var notified = Emails.Where(e => e.Subject == "New message from Ada Visitor").Select(e => e.To).Order().ToList();
        Assert.Equal(new[] { team.Owner.Email, team.Admin.Email, team.Member.Email }.Select(e => e.ToLowerInvariant()).Order(), notified);
        Assert.DoesNotContain(Emails, e => e.To == team.Viewer.Email.ToLowerInvariant() && e.Subject.StartsWith("New message", StringComparison.Ordinal));
        Assert.Equal(0, await SendMailboxOutboxAsync());
    }

    [Fact]
    public async Task Submissions_are_limited_per_client_address_with_429()
    {
        await using var limited = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Mailbox:Contact:PerIpPermitLimit"] = "2",
        });
        var (_, _, slug) = await PublishedSiteAsync();
        var client = limited.CreateClient();
        await (await client.PostAsJsonAsync($"/sites/{slug}/contact", new { name = "A", email = "a@example.org", message = "1" })).ShouldBe(202);
        await (await client.PostAsJsonAsync($"/sites/{slug}/contact", new { name = "A", email = "a@example.org", message = "2" })).ShouldBe(202);
        var refused = await client.PostAsJsonAsync($"/sites/{slug}/contact", new { name = "A", email = "a@example.org", message = "3" });
        await refused.ShouldBeProblem(429, "too_many_requests");
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }
}
