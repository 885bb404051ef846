using System.Diagnostics;
using IaGenify.Api.Hosting;
using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Scaling;

public sealed class ReadinessTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task While_migrations_are_pending_readiness_is_503_and_requests_are_refused_until_they_are_applied()
    {
        await using var database = await TestDatabase.CreateAsync("iagenify_lag");
        await using var api = new ApiFactory(database.ConnectionString);
        var client = api.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        await ready.ShouldBe(503);
        Assert.Contains((await ready.ReadAsync<HealthResponse>()).Checks, c =>
            c.Name == "schema" && c.Status == "Unhealthy" && c.Description!.Contains("pending"));
        var refused = await client.GetAsync("/api/v1/plans");
        await refused.ShouldBeProblem(503, "schema_pending");
        Assert.NotNull(refused.Headers.RetryAfter);
        await (await client.GetAsync("/health/live")).ShouldBe(200);

        await HostCommands.MigrateAsync(api.Services, CancellationToken.None);

        await Wait.UntilAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(10));
        await (await client.GetAsync("/api/v1/plans")).ShouldBe(200);
    }

    [Fact]
    public async Task With_postgresql_unreachable_readiness_is_503_and_liveness_stays_200()
    {
        await using var api = new ApiFactory($"Host=127.0.0.1;Port={LocalPorts.Free()};Username=postgres;Database=none;Timeout=2");
        var client = api.CreateClient();

        await (await client.GetAsync("/health/ready")).ShouldBe(503);
        await (await client.GetAsync("/health/live")).ShouldBe(200);
        await (await client.GetAsync("/api/v1/plans")).ShouldBeProblem(503);
    }

    [Theory]
    [InlineData("Redis:Connection", "127.0.0.1:1", "Jwt:SigningKey")]
    [InlineData("Cluster:Replicas", "2", "Jwt:SigningKey")]
    [InlineData("Redis:Connection", "127.0.0.1:1", "Webhooks:SecretKey")]
    [InlineData("Cluster:Replicas", "3", "Webhooks:SecretKey")]
    public async Task Among_several_replicas_a_development_host_refuses_to_make_up_its_own_secrets(string clusterKey, string value, string secret)
    {
        var error = await HostStartup.FailureAsync(Fixture.ConnectionString, "Development",
            new Dictionary<string, string?> { [clusterKey] = value, [secret] = null });

        Assert.Contains(secret, Assert.IsType<OptionsValidationException>(error).Message);
    }

    [Fact]
    public async Task A_development_host_alone_still_makes_up_its_own_secrets()
    {
        Assert.Null(await HostStartup.FailureAsync(Fixture.ConnectionString, "Development",
            new Dictionary<string, string?> { ["Jwt:SigningKey"] = null, ["Webhooks:SecretKey"] = null }));
    }

    [Fact]
    public async Task Started_from_another_folder_the_api_reads_the_settings_beside_its_dll()
    {
        var dll = typeof(Program).Assembly.Location;
        var port = LocalPorts.Free();
        var elsewhere = Directory.CreateTempSubdirectory("iagenify-cwd-");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = elsewhere.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = Fixture.ConnectionString,
                ["Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Webhooks__SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Generations__RunWorkers"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Wait.UntilAsync(async () =>
            {
                try { return (await client.GetAsync("/health/ready")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(30), () => "the API started from another folder never became ready");

            // The plans come from appsettings.json: without it only an implicit free plan would be listed.
            var plans = await (await client.GetAsync("/api/v1/plans")).Json();
            Assert.Contains("pro", plans.ToString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            elsewhere.Delete(recursive: true);
        }
    }
}
