using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Mailbox;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>Emailed answers posted by the mail provider: signature, threading by reply token or Message-ID, new text, attachments.</summary>
public sealed class InboundTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private const string Secret = "inbound-test-secret";

    private async Task<(Team Team, Guid ThreadId, string Token, string ReplyId)> RepliedThreadAsync()
    {
        var (team, _, slug) = await PublishedSiteAsync("Sweet Crumbs");
        await (await ContactJsonAsync(slug)).ShouldBe(202);
        var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));
        await (await team.Member.Client.PostAsJsonAsync(Inbox(team.WorkspaceId, $"/{threadId}/replies"), new { body = "Yes we do!" })).ShouldBe(201);
        await SendMailboxOutboxAsync();
        await ThreadAsync(team.Member.Client, team.WorkspaceId, threadId);
        return (team, threadId, await ScalarAsync<string>("SELECT reply_token FROM mail_threads"),
            await ScalarAsync<string>("SELECT internet_message_id FROM mail_messages WHERE direction = 'Outbound'"));
    }

    private static string Email(string to, string? inReplyTo = null, string messageId = "<answer-1@mail.example.org>", string? extraParts = null)
    {
        var threading = inReplyTo is null ? "" : $"In-Reply-To: {inReplyTo}\r\nReferences: {inReplyTo}\r\n";
        var text = "Great, I will take two loaves.\r\n\r\n-- \r\nAda\r\nSent with love\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Sweet Crumbs wrote:\r\n> Yes we do!\r\n";
        if (extraParts is null)
            return $"From: Ada Visitor <ada@example.org>\r\nTo: {to}\r\nSubject: Re: Sweet Crumbs\r\nMessage-ID: {messageId}\r\n{threading}"
                + $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}";
        return $"From: Ada Visitor <ada@example.org>\r\nTo: {to}\r\nSubject: Re: Sweet Crumbs\r\nMessage-ID: {messageId}\r\n{threading}"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + $"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n{extraParts}--b1--\r\n";
    }

    private Task<HttpResponseMessage> PostAsync(string raw, string? signature = "sign", string contentType = "message/rfc822")
    {
        var bytes = Encoding.UTF8.GetBytes(raw);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/mailbox/inbound") { Content = content };
        if (signature is not null)
            request.Headers.Add("X-Mailbox-Signature", signature == "sign" ? InboundSignature.Sign(bytes, Secret) : signature);
        return Anonymous().SendAsync(request);
    }

    [Fact]
    public async Task An_answer_to_the_reply_address_joins_the_thread_with_only_the_new_text_shown()
    {
        var (team, threadId, token, _) = await RepliedThreadAsync();
        var response = await PostAsync(Email($"Sweet Crumbs <reply+{token}@reply.iagenify.test>"));
        await response.ShouldBe(202);
        var result = await response.ReadAsync<InboundMailResultDto>();
        Assert.True(result.Accepted);
        Assert.Equal(threadId, result.ThreadId);

        var thread = await ThreadAsync(team.Owner.Client, team.WorkspaceId, threadId);
        var answer = thread.Messages[2];
        Assert.Equal(MailDirection.Inbound, answer.Direction);
        Assert.Equal("Great, I will take two loaves.", answer.Body);
        Assert.Contains("> Yes we do!", await ScalarAsync<string>("SELECT raw_body FROM mail_messages WHERE internet_message_id = '<answer-1@mail.example.org>'"));
        Assert.True((await ThreadsAsync(team.Member.Client, team.WorkspaceId)).Items[0].Unread);
        Assert.Equal(6L, await ScalarAsync<long>("SELECT count(*) FROM mail_deliveries WHERE kind = 'Notification'"));

        // The provider retrying the same email does not add it twice.
        await (await PostAsync(Email($"reply+{token}@reply.iagenify.test"))).ShouldBe(202);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task An_answer_sent_elsewhere_is_threaded_by_in_reply_to_and_an_unknown_one_is_dropped()
    {
        var (team, threadId, _, replyId) = await RepliedThreadAsync();
        var joined = await PostAsync(Email("hello@sweetcrumbs.example", inReplyTo: replyId));
        await joined.ShouldBe(202);
        Assert.Equal(threadId, (await joined.ReadAsync<InboundMailResultDto>()).ThreadId);

        var dropped = await PostAsync(Email("hello@sweetcrumbs.example", inReplyTo: "<unknown@elsewhere.example>", messageId: "<x@y.z>"));
        await dropped.ShouldBe(202);
        Assert.False((await dropped.ReadAsync<InboundMailResultDto>()).Accepted);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
        Assert.Equal(3, (await ThreadAsync(team.Owner.Client, team.WorkspaceId, threadId)).Messages.Count);
    }

    [Fact]
    public async Task An_answer_with_a_message_id_longer_than_we_store_is_still_kept()
    {
        var (team, threadId, token, _) = await RepliedThreadAsync();
        var response = await PostAsync(Email($"reply+{token}@reply.iagenify.test", messageId: $"<{new string('x', 300)}@mail.example.org>"));
        await response.ShouldBe(202);
        Assert.True((await response.ReadAsync<InboundMailResultDto>()).Accepted);
        Assert.Equal("Great, I will take two loaves.", (await ThreadAsync(team.Owner.Client, team.WorkspaceId, threadId)).Messages[2].Body);
    }

    [Fact]
    public async Task A_missing_or_wrong_signature_is_401_and_stores_nothing()
    {
        var (_, _, token, _) = await RepliedThreadAsync();
        var raw = Email($"reply+{token}@reply.iagenify.test");
        await (await PostAsync(raw, signature: null)).ShouldBeProblem(401);
        await (await PostAsync(raw, signature: "sha256=" + new string('0', 64))).ShouldBeProblem(401);
        await (await PostAsync(raw, signature: InboundSignature.Sign(Encoding.UTF8.GetBytes(raw + " "), Secret))).ShouldBeProblem(401);
        await (await PostAsync(raw, contentType: "text/plain")).ShouldBeProblem(415);
        await (await PostAsync("not an email at all")).ShouldBeProblem(400);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task Image_attachments_become_assets_of_the_workspace_and_other_files_are_not_kept()
    {
        var (team, threadId, token, _) = await RepliedThreadAsync();
        var png = Convert.ToBase64String(Assets.AssetTests.Png);
        var parts = $"--b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"cake.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{png}\r\n"
            + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"run.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n";
        await (await PostAsync(Email($"reply+{token}@reply.iagenify.test", extraParts: parts))).ShouldBe(202);

        var answer = (await ThreadAsync(team.Owner.Client, team.WorkspaceId, threadId)).Messages[2];
        var assetId = answer.AttachmentAssetIds.Single();
        var content = await team.Member.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/assets/{assetId}/content");
        await content.ShouldBe(200);
        Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM assets WHERE file_name = 'cake.png'"));
    }

    [Fact]
    public async Task An_attachment_name_with_a_nul_character_does_not_refuse_the_email()
    {
        var (team, threadId, token, _) = await RepliedThreadAsync();
        var png = Convert.ToBase64String(Assets.AssetTests.Png);
        var parts = "--b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename*=utf-8''cake%00.png\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{png}\r\n";
        await (await PostAsync(Email($"reply+{token}@reply.iagenify.test", extraParts: parts))).ShouldBe(202);

        Assert.Single((await ThreadAsync(team.Owner.Client, team.WorkspaceId, threadId)).Messages[2].AttachmentAssetIds);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM assets WHERE file_name = 'cake.png'"));
    }
}
