using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Mailbox.Delivery;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>
/// A reply sent through a real SMTP server (Debian's python3-aiosmtpd, installed by scripts/test.sh), started by the
/// test on 127.0.0.1 and writing what it receives to a Maildir: the received message carries the threading headers.
/// </summary>
public sealed class SmtpReplyTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task A_reply_reaches_a_real_smtp_server_with_its_threading_headers()
    {
        Assert.True(File.Exists(Python), "python3 is required (scripts/test.sh installs python3-aiosmtpd).");
        var root = Directory.CreateTempSubdirectory("iagenify-smtp-");
        // aiosmtpd's Mailbox handler creates the Maildir (cur, new, tmp) itself, so it must not exist yet.
        var maildir = new DirectoryInfo(Path.Combine(root.FullName, "maildir"));
        var port = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir.FullName },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await WaitForPortAsync(port, smtp);
            await using var host = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
            {
                ["Email:Provider"] = "Smtp",
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = port.ToString(),
                ["Email:SmtpUseSsl"] = "false",
                ["Email:From"] = "IaGenify <no-reply@iagenify.test>",
            });
            var (team, _, slug) = await PublishedSiteAsync("Smtp Bakery");
            await (await ContactJsonAsync(slug)).ShouldBe(202);
            var threadId = OnlyThreadId(await ThreadsAsync(team.Member.Client, team.WorkspaceId));
            var request = new HttpRequestMessage(HttpMethod.Post, Inbox(team.WorkspaceId, $"/{threadId}/replies"))
            {
                Content = JsonContent.Create(new { body = "Gluten-free loaves come out on Tuesdays." }),
            };
            await (await team.Member.Client.SendAsync(request)).ShouldBe(201);

            await host.Services.GetRequiredService<MailboxSender>().DrainAsync(CancellationToken.None);

            var received = Directory.GetFiles(Path.Combine(maildir.FullName, "new")).Select(f => MimeMessage.Load(f)).ToList();
            var reply = Assert.Single(received, m => m.To.Mailboxes.Any(a => a.Address == "ada@example.org"));
            var token = await ScalarAsync<string>("SELECT reply_token FROM mail_threads");
            var contactId = (await ScalarAsync<string>("SELECT internet_message_id FROM mail_messages WHERE direction = 'Inbound'")).Trim('<', '>');
            var replyId = (await ScalarAsync<string>("SELECT internet_message_id FROM mail_messages WHERE direction = 'Outbound'")).Trim('<', '>');
            Assert.Equal(replyId, reply.MessageId);
            Assert.Equal(contactId, reply.InReplyTo);
            Assert.Equal([contactId], reply.References);
            Assert.Equal($"reply+{token}@reply.iagenify.test", reply.From.Mailboxes.Single().Address);
            Assert.Equal($"reply+{token}@reply.iagenify.test", reply.ReplyTo.Mailboxes.Single().Address);
            Assert.Equal("Re: Smtp Bakery: message from Ada Visitor", reply.Subject);
            Assert.Contains("Gluten-free loaves come out on Tuesdays.", reply.TextBody);
            Assert.Equal("Sent", await ScalarAsync<string>("SELECT delivery_status FROM mail_messages WHERE direction = 'Outbound'"));
            // The members' notifications went through the same server.
            Assert.Equal(3, received.Count(m => m.Subject == "New message from Ada Visitor"));
        }
        finally
        {
            if (!smtp.HasExited)
                smtp.Kill();
            await smtp.WaitForExitAsync();
            root.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
                Assert.Fail($"aiosmtpd exited: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail("aiosmtpd did not start listening in time.");
    }
}
