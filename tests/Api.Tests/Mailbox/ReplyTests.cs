using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Delivery;
using IaGenify.Domain.Mailbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>Replies: stored first, sent once by the outbox with threading headers, retried after a failure, idempotent.</summary>
public sealed class ReplyTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private async Task<(Team Team, Guid ThreadId)> ThreadAsync()
    {
        var (team, _, slug) = await PublishedSiteAsync("Sweet Crumbs");
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        return (team, OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId)));
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, Guid workspaceId, Guid threadId, string body, string? key = null,
        Guid? draftId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Inbox(workspaceId, $"/{threadId}/replies")) { Content = JsonContent.Create(new { body, draftId }) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_reply_is_stored_pending_then_sent_once_with_message_id_in_reply_to_references_and_the_reply_address()
    {
        var (team, threadId) = await ThreadAsync();
        var first = await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "Yes, every Friday.", "reply-1");
        await first.ShouldBe(201);
        var reply = await first.ReadAsync<MailMessageDto>();
        Assert.Equal(MailDirection.Outbound, reply.Direction);
        Assert.Equal(DeliveryStatus.Pending, reply.DeliveryStatus);
        var again = await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "Yes, every Friday.", "reply-1");
        await again.ShouldBe(201);
        Assert.Equal(reply.Id, (await again.ReadAsync<MailMessageDto>()).Id);
        await (await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "Something else", "reply-1")).ShouldBeProblem(422);

        Assert.Equal(1, await SendMailboxOutboxAsync() - 3);
        var sent = Emails.Where(e => e.To == "ada@example.org").ToList();
        var email = Assert.Single(sent).Message!;
        Assert.Equal("Re: Sweet Crumbs: message from Ada Visitor", email.Subject);
        Assert.Equal("Yes, every Friday.", email.Body);
        var token = await ScalarAsync<string>("SELECT reply_token FROM mail_threads");
        Assert.Equal($"reply+{token}@reply.iagenify.test", email.From!.Address);
        Assert.Equal($"reply+{token}@reply.iagenify.test", email.ReplyTo);
        var contactId = await ScalarAsync<string>("SELECT internet_message_id FROM mail_messages WHERE direction = 'Inbound'");
        Assert.Equal(await ScalarAsync<string>("SELECT internet_message_id FROM mail_messages WHERE direction = 'Outbound'"), email.MessageId);
        Assert.Equal(contactId, email.InReplyTo);
        Assert.Equal([contactId], email.References);
        Assert.EndsWith("@reply.iagenify.test>", email.MessageId);

        var thread = await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId);
        var outbound = thread.Messages[1];
        Assert.Equal(DeliveryStatus.Sent, outbound.DeliveryStatus);
        Assert.NotNull(outbound.SentAt);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'mailbox.reply_sent'"));
        Assert.Equal(0, await SendMailboxOutboxAsync());
    }

    [Fact]
    public async Task A_failed_send_leaves_the_reply_failed_with_a_retry_that_sends_it_once()
    {
        var flaky = new FlakyEmailSender("ada@example.org", failures: 1);
        await using var host = new ApiFactory(Fixture.ConnectionString, services: s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(flaky);
        });
        var (team, threadId) = await ThreadAsync();
        await (await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "We deliver on Saturdays.")).ShouldBe(201);
        var sender = host.Services.GetRequiredService<MailboxSender>();

        await sender.DrainAsync(CancellationToken.None);
        Assert.Equal("Failed", await ScalarAsync<string>("SELECT delivery_status FROM mail_messages WHERE direction = 'Outbound'"));
        Assert.Equal(DeliveryStatus.Failed, (await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId)).Messages[1]
            .DeliveryStatus);
        Assert.Empty(flaky.Sent);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await sender.DrainAsync(CancellationToken.None);
        Assert.Equal("Sent", await ScalarAsync<string>("SELECT delivery_status FROM mail_messages WHERE direction = 'Outbound'"));
        Assert.Single(flaky.Sent);
        Assert.Equal(2, await ScalarAsync<int>("SELECT attempts FROM mail_deliveries WHERE kind = 'Reply'"));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await sender.DrainAsync(CancellationToken.None);
        Assert.Single(flaky.Sent);
    }

    [Fact]
    public async Task Replies_are_validated_and_refused_on_spam_threads()
    {
        var (team, threadId) = await ThreadAsync();
        await (await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "")).ShouldBeProblem(400, "validation_failed");
        await (await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "x", draftId: Guid.NewGuid())).ShouldBeProblem(404);
        await (await team.Member.Client.PatchAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}"), new { status = "spam" })).ShouldBe(200);
        await (await ReplyAsync(team.Member.Client, team.WorkspaceId, threadId, "Hello")).ShouldBeProblem(409);
    }

    /// <summary>Refuses the first sends to one address, like an SMTP server that is briefly down; accepts everything else.</summary>
    private sealed class FlakyEmailSender(string address, int failures) : IEmailSender
    {
        private int _failuresLeft = failures;

        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (message.To != address)
                return Task.CompletedTask;
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            lock (Sent)
                Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
