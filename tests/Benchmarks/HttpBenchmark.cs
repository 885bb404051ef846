using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using IaGenify.Infrastructure.Persistence;
using Npgsql;

namespace IaGenify.Benchmarks;

/// <summary>
/// ARCHITECTURE.md §9: an authenticated, tenant-scoped GET through the whole pipeline (JWT, MediatR behaviors,
/// membership check, EF Core) against a bare minimal-API endpoint running the same SQL statement through
/// <see cref="NpgsqlDataSource"/>, measured side by side with wrk. The API runs as its own process, built in Release.
/// </summary>
internal static class HttpBenchmark
{
    public static async Task<IReadOnlyList<Wrk.Result>> RunAsync(string connectionString, int connections, TimeSpan duration)
    {
        var apiDirectory = await BuildApiAsync();
        using var api = StartApi(apiDirectory, connectionString, "http://127.0.0.1:5181");
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5181") };
        await WaitUntilReadyAsync(client);
        var (token, userId, workspaceId) = await SeedAsync(client);

        await using var bare = await StartBareAsync(connectionString, "http://127.0.0.1:5182", userId);
        var pipelineUrl = $"http://127.0.0.1:5181/api/v1/workspaces/{workspaceId}";
        var bareUrl = $"http://127.0.0.1:5182/bare/workspaces/{workspaceId}";

        // Both warm up, then they alternate so that neither benefits from a quieter moment of the machine.
        // Long enough for tiered compilation to reach optimized code on a busy machine.
        await Wrk.RunAsync("warm-up", pipelineUrl, connections, TimeSpan.FromSeconds(10), token);
        await Wrk.RunAsync("warm-up", bareUrl, connections, TimeSpan.FromSeconds(10));
        var results = new List<Wrk.Result>();
        for (var round = 1; round <= 2; round++)
        {
            results.Add(await Wrk.MeasureAsync($"full pipeline, round {round}", pipelineUrl, connections, duration, api.Id, token));
            results.Add(await Wrk.MeasureAsync($"bare NpgsqlDataSource, round {round}", bareUrl, connections, duration, Environment.ProcessId));
        }
        api.Kill(entireProcessTree: true);
        return results;
    }

    /// <summary>Requests/s through the pipeline and on the bare endpoint at each number of wrk connections.</summary>
    public static async Task<IReadOnlyList<(int Connections, Wrk.Result Pipeline, Wrk.Result Bare)>> ScalingAsync(string connectionString,
        IReadOnlyList<int> levels, TimeSpan duration)
    {
        var apiDirectory = await BuildApiAsync();
        using var api = StartApi(apiDirectory, connectionString, "http://127.0.0.1:5181");
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5181") };
        await WaitUntilReadyAsync(client);
        var (token, userId, workspaceId) = await SeedAsync(client);
        await using var bare = await StartBareAsync(connectionString, "http://127.0.0.1:5182", userId);
        var pipelineUrl = $"http://127.0.0.1:5181/api/v1/workspaces/{workspaceId}";
        var bareUrl = $"http://127.0.0.1:5182/bare/workspaces/{workspaceId}";
        await Wrk.RunAsync("warm-up", pipelineUrl, levels[^1], TimeSpan.FromSeconds(10), token);
        await Wrk.RunAsync("warm-up", bareUrl, levels[^1], TimeSpan.FromSeconds(10));
        var results = new List<(int, Wrk.Result, Wrk.Result)>();
        foreach (var connections in levels)
        {
            var pipeline = await Wrk.MeasureAsync($"pipeline x{connections}", pipelineUrl, connections, duration, api.Id, token);
            var bareRun = await Wrk.MeasureAsync($"bare x{connections}", bareUrl, connections, duration, Environment.ProcessId);
            results.Add((connections, pipeline, bareRun));
        }
        api.Kill(entireProcessTree: true);
        return results;
    }

    internal static async Task<string> BuildApiAsync()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, ".data", "bench-api");
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Api", "IaGenify.Api.csproj"),
            "-c", "Release", "-o", output, "-v", "quiet", "-nologo"]))!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
            throw new InvalidOperationException("Building the API failed.");
        return output;
    }

    internal static Process StartApi(string directory, string connectionString, string url, string role = "api")
    {
        // An HTTP-only replica, so that background work does not count against the requests.
        var start = new ProcessStartInfo("dotnet", ["IaGenify.Api.dll", "--urls", url, "--role", role]) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Webhooks__SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimits__Auth__PermitLimit"] = "1000";
        // The limiter still runs on every request; it just must not refuse a load test.
        start.Environment["RateLimits__User__PermitLimit"] = "100000000";
        start.Environment["RateLimits__Anonymous__PermitLimit"] = "100000000";
        return Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
    }

    internal static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The API did not become ready.");
    }

    internal static async Task<(string Token, Guid UserId, Guid WorkspaceId)> SeedAsync(HttpClient client)
    {
        var register = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "benchmark password", displayName = "Bench" });
        register.EnsureSuccessStatusCode();
        var session = await register.Content.ReadFromJsonAsync<JsonElement>();
        var token = session.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var workspace = await (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Benchmark" })).Content.ReadFromJsonAsync<JsonElement>();
        var workspaceId = workspace.GetProperty("id").GetGuid();
        (await client.GetAsync($"/api/v1/workspaces/{workspaceId}")).EnsureSuccessStatusCode();
        return (token, session.GetProperty("user").GetProperty("id").GetGuid(), workspaceId);
    }

    private static async Task<WebApplication> StartBareAsync(string connectionString, string url, Guid userId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        // The same data source settings as the application, so that only the code path differs.
        var dataSource = DataSources.Create(connectionString);
        app.MapGet("/bare/workspaces/{id:guid}", async (Guid id) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var query = new NpgsqlCommand(WorkspaceAccessReader.Sql, connection)
            {
                Parameters = { new() { Value = id }, new() { Value = userId } },
            };
            await using var row = await query.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow);
            if (!await row.ReadAsync() || row.IsDBNull(1))
                return Results.NotFound();
            return Results.Ok(new
            {
                id,
                name = row.GetString(6),
                role = row.GetString(1).ToLowerInvariant(),
                createdAt = row.GetFieldValue<DateTimeOffset>(7),
                deletedAt = row.IsDBNull(0) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(0),
                purgeAfter = row.IsDBNull(8) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(8),
            });
        });
        await app.StartAsync();
        return app;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IaGenify.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("IaGenify.sln not found.");
    }
}
