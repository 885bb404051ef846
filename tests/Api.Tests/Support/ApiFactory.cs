using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaGenify.Api.Tests.Support;

/// <summary>The API in-process against a real PostgreSQL database, configured for fast, deterministic tests.</summary>
public sealed class ApiFactory(string connectionString, string environment = "Testing",
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "staff@iagenify.test";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Hashing cost is not under test; a low iteration count keeps hundreds of logins fast.
            ["Identity:PasswordHasher:IterationCount"] = "1000",
            ["RateLimits:Auth:PermitLimit"] = "100000",
            ["Email:Provider"] = "Capture",
            ["Platform:AdminEmails:0"] = AdminEmail,
            ["Platform:PublicUrl"] = "https://app.iagenify.test",
            ["Database:MigrateOnStartup"] = "false",
            // Tests run sweeps themselves, at the moment they choose.
            ["Credits:RunSweeper"] = "false",
            // Tests run generation workers themselves (drain the queue, or start and stop workers).
            ["Generations:RunWorkers"] = "false",
            ["Generations:RetryBaseDelay"] = "00:00:00.050",
            // Long enough that only a NOTIFY can wake an idle worker within a test.
            ["Generations:PollInterval"] = "00:10:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;
        foreach (var (key, value) in defaults)
            builder.UseSetting(key, value);

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
