using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Identity;
using IaGenify.Domain.Identity;
using IaGenify.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaGenify.Api.Tests.Email;

/// <summary>
/// Account and platform emails go through the transactional outbox: written with the change that causes them,
/// delivered by the dispatcher, retried through an SMTP outage, and never sent twice.
/// </summary>
public sealed class EmailOutboxTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_committed_action_stages_its_email_and_the_dispatcher_sends_it_once()
    {
        var user = await RegisterAsync(verified: false);

        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM email_outbox WHERE type = 'account.verification' AND recipient = @to AND sent_at IS NULL",
            ("to", user.Email.ToLowerInvariant())));
        Assert.Single(Emails, e => e.To == user.Email.ToLowerInvariant());
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE sent_at IS NOT NULL AND attempts = 1"));
        Assert.Equal(0, await Factory.Services.GetRequiredService<EmailOutboxDispatcher>().DrainAsync(CancellationToken.None));
        Assert.Single(Emails, e => e.To == user.Email.ToLowerInvariant());
    }

    [Fact]
    public async Task An_email_is_not_sent_when_the_action_that_stages_it_fails()
    {
        var existing = await RegisterAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<AccountEmails>().StageVerification("ghost@example.com", "secret-token");
            // The same unit of work then breaks a constraint (a second account with a taken email): nothing is written.
            services.GetRequiredService<IRepository<User>>().Add(User.Register(existing.Email, "Duplicate", "hash", Clock.GetUtcNow()));
            await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None));
        }

        Assert.DoesNotContain(Emails, e => e.To == "ghost@example.com");
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE recipient = 'ghost@example.com'"));
    }

    [Fact]
    public async Task An_smtp_server_that_refuses_then_recovers_gets_the_email_exactly_once()
    {
        await using var smtp = await FlakySmtpServer.StartAsync(failures: 3);
        var settings = smtp.Settings();
        settings["Email:Outbox:DispatcherEnabled"] = "true";
        await using var host = new ApiFactory(Fixture.ConnectionString, settings: settings.AsReadOnly());
        var email = $"outage-{Guid.NewGuid():N}@example.com";

        var register = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "Outage" });
        await register.ShouldBe(201);

        await Wait.UntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE sent_at IS NOT NULL") == 1,
            TimeSpan.FromSeconds(30), () => "The email was not delivered after the SMTP server recovered.");
        // Give any duplicate a chance to show up before counting.
        await Task.Delay(500);
        var received = smtp.Received();
        var message = Assert.Single(received);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm your IaGenify email", message.Subject);
        Assert.Contains("verify-email?token=", message.TextBody);
        Assert.Equal(4, await ScalarAsync<int>("SELECT attempts FROM email_outbox"));
        Assert.True(await ScalarAsync<bool>("SELECT last_error IS NULL AND lease_token IS NULL AND next_attempt_at IS NULL FROM email_outbox"));
    }

    [Fact]
    public async Task A_failed_attempt_is_recorded_and_retried_after_a_growing_delay()
    {
        await using var smtp = await FlakySmtpServer.StartAsync(failures: 2);
        var settings = smtp.Settings();
        settings["Email:Outbox:RetryBaseDelay"] = "00:00:05";
        settings["Email:Outbox:RetryMaxDelay"] = "00:01:00";
        await using var host = new ApiFactory(Fixture.ConnectionString, settings: settings.AsReadOnly());
        var dispatcher = host.Services.GetRequiredService<EmailOutboxDispatcher>();
        await (await host.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "retry@example.com", password = Password, displayName = "Retry" })).ShouldBe(201);

        Assert.Equal(1, await dispatcher.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, await ScalarAsync<int>("SELECT attempts FROM email_outbox"));
        Assert.Equal("SmtpCommandException", await ScalarAsync<string>("SELECT last_error FROM email_outbox"));
        Assert.Equal(0, await dispatcher.SendDueAsync(CancellationToken.None));

        // First delay 5 s, then 10 s.
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await dispatcher.SendDueAsync(CancellationToken.None));
        Assert.Equal(2, await ScalarAsync<int>("SELECT attempts FROM email_outbox"));
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await dispatcher.SendDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Received());

        host.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await dispatcher.SendDueAsync(CancellationToken.None));
        Assert.Single(smtp.Received());
        Assert.Equal(3, await ScalarAsync<int>("SELECT attempts FROM email_outbox"));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DrainAsync(CancellationToken.None));
        Assert.Single(smtp.Received());
    }

    [Fact]
    public async Task Two_dispatchers_never_send_the_same_email_twice()
    {
        const int count = 40;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < count; i++)
                outbox.Stage(new EmailMessage($"crowd-{i}@example.com", "Hello", "Body"), "test.crowd");
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }
        var recorder = new RecordingEmailSender(TimeSpan.FromMilliseconds(15));
        // Small batches and a lease shorter than a batch takes: the dispatchers keep reclaiming each other's emails.
        var settings = new Dictionary<string, string?>
        {
            ["Email:Outbox:BatchSize"] = "5",
            ["Email:Outbox:Lease"] = "00:00:00.040",
        };
        void Record(IServiceCollection services)
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(recorder);
        }
        await using var first = new ApiFactory(Fixture.ConnectionString, settings: settings, services: Record);
        await using var second = new ApiFactory(Fixture.ConnectionString, settings: settings, services: Record);
        var dispatchers = new[] { first, second, first, second }
            .Select(host => host.Services.GetRequiredService<EmailOutboxDispatcher>()).ToList();

        await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DrainAsync(CancellationToken.None))));

        Assert.Equal(count, recorder.Recipients.Count);
        Assert.Equal(count, recorder.Recipients.Distinct().Count());
        Assert.Equal((long)count, await ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE sent_at IS NOT NULL"));
    }
}
