using System.Security.Cryptography;
using IaGenify.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaGenify.Api.Tests.Support;

/// <summary>The API in-process against a real PostgreSQL database, configured for fast, deterministic tests.</summary>
public sealed class ApiFactory(string connectionString, string environment = "Testing",
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "staff@iagenify.test";

    /// <summary>Shared by every host of the run, as replicas share it: each must read secrets the others stored.</summary>
    private static readonly string WebhookSecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestClock Clock { get; } = new();

    /// <summary>The object store of this host, a temporary folder deleted with the factory.</summary>
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"iagenify-tests-{Guid.NewGuid():N}");

    /// <summary>The configuration every test host runs with, plus a test's own overrides.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string storageRoot,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Hashing cost is not under test; a low iteration count keeps hundreds of logins fast.
            ["Identity:PasswordHasher:IterationCount"] = "1000",
            // Limits are generous except in the tests that check them (they pass their own settings).
            ["RateLimits:Auth:PermitLimit"] = "100000",
            ["RateLimits:ApiKey:PermitLimit"] = "100000",
            ["RateLimits:User:PermitLimit"] = "100000",
            ["RateLimits:Anonymous:PermitLimit"] = "100000",
            ["Email:Provider"] = "Capture",
            // Tests deliver the email outbox themselves (reading captured mail does it); the dispatcher's own tests
            // start it where they need it.
            ["Email:Outbox:DispatcherEnabled"] = "false",
            ["Email:Outbox:PollInterval"] = "00:00:00.050",
            ["Email:Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Email:Outbox:RetryMaxDelay"] = "00:00:01",
            ["Platform:AdminEmails:0"] = AdminEmail,
            ["Platform:PublicUrl"] = "https://app.iagenify.test",
            ["Database:MigrateOnStartup"] = "false",
            // Tests run sweeps themselves, at the moment they choose.
            ["Credits:RunSweeper"] = "false",
            // Ledger tests drive workspaces that have no row (the outbox needs one); the event has its own test.
            ["Credits:LowBalanceThreshold"] = "0",
            // Webhook receivers in tests listen on 127.0.0.1 over http; retries and polling are fast.
            ["Webhooks:SecretKey"] = WebhookSecretKey,
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
            ["Webhooks:RetryMaxDelay"] = "00:00:00.400",
            ["Webhooks:MaxAttempts"] = "3",
            ["Webhooks:DisableAfterConsecutiveFailures"] = "3",
            ["Webhooks:ConnectTimeout"] = "00:00:02",
            ["Webhooks:RequestTimeout"] = "00:00:05",
            ["Webhooks:LeaseDuration"] = "00:00:30",
            ["Storage:Root"] = storageRoot,
            // The export worker polls often so that tests see archives within a moment; the purge sweep only
            // runs when a test calls it, since tests move the clock past restore windows.
            ["Exports:PollInterval"] = "00:00:00.100",
            ["Workspaces:Purge:WorkerEnabled"] = "false",
            ["Analytics:Reports:WorkerEnabled"] = "false",
            // Tests run generation workers themselves (drain the queue, or start and stop workers).
            ["Generations:RunWorkers"] = "false",
            ["Generations:RetryBaseDelay"] = "00:00:00.050",
            // Long enough that only a NOTIFY can wake an idle worker within a test.
            ["Generations:PollInterval"] = "00:10:00",
            // Tests send the mailbox outbox themselves; contact limits are checked by their own test.
            ["Mailbox:Delivery:WorkerEnabled"] = "false",
            ["Mailbox:Contact:PerIpPermitLimit"] = "100000",
            ["Mailbox:Contact:PerSitePermitLimit"] = "100000",
            ["Mailbox:InboundSecret"] = "inbound-test-secret",
            ["Mailbox:ReplyDomain"] = "reply.iagenify.test",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            defaults[key] = value;
        return defaults;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in Settings(connectionString, StorageRoot, settings))
            builder.UseSetting(key, value);

        builder.ConfigureServices(collection =>
        {
            collection.RemoveAll<TimeProvider>();
            collection.AddSingleton<TimeProvider>(Clock);
            // Two collections loaded in one join repeat rows; a query that does it fails every test that reaches it.
            collection.ConfigureDbContext<AppDbContext>(options =>
                options.ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning)));
            services?.Invoke(collection);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(StorageRoot))
            Directory.Delete(StorageRoot, recursive: true);
    }
}
