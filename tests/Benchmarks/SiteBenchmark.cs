using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IaGenify.Benchmarks;

/// <summary>
/// ARCHITECTURE.md §9 "sites": a published page through the whole application (its in-memory page cache, every
/// middleware) against a bare Kestrel endpoint in this process returning the same bytes from memory, side by side with
/// wrk; the same for a conditional request answered 304. Analytics is on, as in production: every request carries a
/// browser's User-Agent, so every view is recorded. A second API process with the page cache turned off gives the
/// uncached cost of a page (database reads and rendering).
/// </summary>
internal static class SiteBenchmark
{
    public sealed record Report(IReadOnlyList<Wrk.Result> Runs);

    public static async Task<Report> RunAsync(string connectionString, int connections, TimeSpan duration)
    {
        var apiDirectory = await HttpBenchmark.BuildApiAsync();
        // "all" so that the website's generation runs; its loops are idle while pages are measured.
        using var api = HttpBenchmark.StartApi(apiDirectory, connectionString, "http://127.0.0.1:5183", role: "all");
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5183") };
        await HttpBenchmark.WaitUntilReadyAsync(client);
        var slug = await PublishSiteAsync(client, connectionString);
        var pagePath = $"/sites/{slug}/about";
        var page = await client.GetAsync(pagePath);
        page.EnsureSuccessStatusCode();
        var bytes = await page.Content.ReadAsByteArrayAsync();
        var etag = page.Headers.ETag!.Tag;
        var csp = string.Join("", page.Headers.GetValues("Content-Security-Policy"));

        using var uncached = StartUncachedApi(apiDirectory, connectionString, "http://127.0.0.1:5185");
        using (var uncachedClient = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5185") })
            await HttpBenchmark.WaitUntilReadyAsync(uncachedClient);

        await using var bare = await StartBareAsync("http://127.0.0.1:5184", bytes, etag, csp);
        var fullUrl = $"http://127.0.0.1:5183{pagePath}";
        var bareUrl = "http://127.0.0.1:5184/page";
        // A browser's User-Agent, so that analytics counts the views as it would a visitor's (robots are skipped).
        const string browser = "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        string[] plain = [browser];
        string[] conditional = [browser, $"If-None-Match: {etag}"];

        // Warmed with the measured requests: wrk's own agent is a robot, whose views are not recorded, so a warm-up
        // without the browser's agent left the analytics path (and the 304 path) to be compiled during round 1.
        foreach (var url in new[] { fullUrl, bareUrl })
        {
            await Wrk.RunAsync("warm-up", url, connections, TimeSpan.FromSeconds(10), headers: plain);
            await Wrk.RunAsync("warm-up", url, connections, TimeSpan.FromSeconds(5), headers: conditional);
        }
        await Wrk.RunAsync("warm-up", $"http://127.0.0.1:5185{pagePath}", connections, TimeSpan.FromSeconds(5), headers: plain);
        var runs = new List<Wrk.Result>();
        for (var round = 1; round <= 2; round++)
        {
            runs.Add(await Wrk.MeasureAsync($"full app 200, round {round}", fullUrl, connections, duration, api.Id, headers: plain));
            runs.Add(await Wrk.MeasureAsync($"bare 200, round {round}", bareUrl, connections, duration, Environment.ProcessId, headers: plain));
            runs.Add(await Wrk.MeasureAsync($"full app 304, round {round}", fullUrl, connections, duration, api.Id, headers: conditional));
            runs.Add(await Wrk.MeasureAsync($"bare 304, round {round}", bareUrl, connections, duration, Environment.ProcessId, headers: conditional));
        }
        runs.Add(await Wrk.MeasureAsync("uncached render", $"http://127.0.0.1:5185{pagePath}", connections, duration, uncached.Id, headers: plain));
        api.Kill(entireProcessTree: true);
        uncached.Kill(entireProcessTree: true);
        return new Report(runs);
    }

    private static Process StartUncachedApi(string directory, string connectionString, string url)
    {
        var start = new ProcessStartInfo("dotnet", ["IaGenify.Api.dll", "--urls", url, "--role", "api"]) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["Webhooks__SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimits__Anonymous__PermitLimit"] = "100000000";
        start.Environment["Sites__MaxEntries"] = "0";
        return Process.Start(start) ?? throw new InvalidOperationException("The uncached API did not start.");
    }

    private static async Task<string> PublishSiteAsync(HttpClient client, string connectionString)
    {
        var (_, userId, workspaceId) = await HttpBenchmark.SeedAsync(client);
        // Publishing needs a verified email; the benchmark has no mailbox to open the link from.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var verify = new NpgsqlCommand("UPDATE users SET email_verified_at = now() WHERE id = @id", connection);
            verify.Parameters.AddWithValue("id", userId);
            await verify.ExecuteNonQueryAsync();
        }
        var created = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/websites",
            new { name = $"Bench Bakery {Guid.NewGuid().ToString("N")[..6]}", prompt = "A small bakery in Lyon, fresh bread and pastries" });
        created.EnsureSuccessStatusCode();
        var websiteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var website = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}");
            if (website.GetProperty("status").GetString() != "generating")
            {
                var published = await client.PostAsync($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/publish", null);
                published.EnsureSuccessStatusCode();
                return website.GetProperty("slug").GetString()!;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The website was not generated within 60 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>The same bytes and headers from memory, and the same ETag comparison for a 304.</summary>
    private static async Task<WebApplication> StartBareAsync(string url, byte[] page, string etag, string csp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/page", async (HttpContext http) =>
        {
            var response = http.Response;
            response.Headers.CacheControl = "public, max-age=60, stale-while-revalidate=600";
            response.Headers.ETag = etag;
            response.Headers.Vary = "Accept-Encoding";
            if (http.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.Headers.ContentSecurityPolicy = csp;
            response.Headers.XContentTypeOptions = "nosniff";
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = page.Length;
            await response.Body.WriteAsync(page);
        });
        await app.StartAsync();
        return app;
    }
}
