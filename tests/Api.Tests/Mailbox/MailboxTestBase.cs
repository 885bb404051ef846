using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>A team with a published site, and helpers that drive the contact form and the inbox through the API.</summary>
public abstract class MailboxTestBase(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    protected static string Inbox(Guid workspaceId, string rest = "") => $"/api/v1/workspaces/{workspaceId}/mailbox/threads{rest}";

    protected async Task<(Team Team, Guid WebsiteId, string Slug)> PublishedSiteAsync(string name = "Pain Doré")
    {
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team, name);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);
        var slug = (await WebsiteAsync(team.Member.Client, team.WorkspaceId, id)).Slug;
        return (team, id, slug);
    }

    protected Task<HttpResponseMessage> ContactJsonAsync(string slug, string name = "Ada Visitor", string email = "ada@example.org",
        string message = "Do you bake gluten-free bread?", string? phone = null, string? website = null) =>
        Anonymous().PostAsJsonAsync($"/sites/{slug}/contact", new { name, email, message, phone, website });

    protected Task<HttpResponseMessage> ContactFormAsync(string slug, IDictionary<string, string> fields, HttpClient? client = null) =>
        (client ?? Anonymous()).PostAsync($"/sites/{slug}/contact", new FormUrlEncodedContent(fields));

    protected static async Task<ThreadPage> ThreadsAsync(HttpClient client, Guid workspaceId, string query = "")
    {
        var response = await client.GetAsync(Inbox(workspaceId, query));
        await response.ShouldBe(200);
        return await response.ReadAsync<ThreadPage>();
    }

    protected static async Task<MailThreadDto> ThreadAsync(HttpClient client, Guid workspaceId, Guid threadId)
    {
        var response = await client.GetAsync(Inbox(workspaceId, $"/{threadId}"));
        await response.ShouldBe(200);
        return await response.ReadAsync<MailThreadDto>();
    }

    protected Task<int> SendMailboxOutboxAsync() =>
        Factory.Services.GetRequiredService<MailboxSender>().DrainAsync(CancellationToken.None);

    protected static Guid OnlyThreadId(ThreadPage page) => page.Items.Single().Id;
}
