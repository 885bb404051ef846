using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IaGenify.Benchmarks;

/// <summary>
/// Issue 11's benchmark, three parts on one published site:
/// (1) the published page through the app with analytics on against a second API process with analytics off, same
/// binaries and database, alternating wrk rounds with a browser User-Agent (robots are not counted, so wrk's own agent
/// would skip the work); (2) synthetic page views over 90 days loaded through the writer's own rollup SQL (generated
/// in PostgreSQL, staged and stored day by day), then the 30-day summary, timeseries and page breakdown through the
/// HTTP endpoints, p95 of sequential requests; (3) the writer's sustained rate: events offered to the buffer as fast as
/// it takes them, hashed, COPYed and rolled up by <see cref="AnalyticsWriter"/>.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private const int Days = 90;

    public sealed record Query(string Name, int Requests, double P50Ms, double P95Ms, double MaxMs)
    {
        public override string ToString() => $"| {Name} | {Requests} | {P50Ms:F2} | {P95Ms:F2} | {MaxMs:F2} |";
    }

    public sealed record Report(IReadOnlyList<Wrk.Result> Pages, long Rows, TimeSpan LoadTime, long RawRows,
        IReadOnlyList<Query> Queries, long Ingested, TimeSpan IngestTime, long Offered, long Dropped)
    {
        public double IngestRate => Ingested / IngestTime.TotalSeconds;
    }

    public static async Task<Report> RunAsync(IServiceProvider services, string connectionString, int connections, TimeSpan duration,
        long rows, int queries)
    {
        var apiDirectory = await HttpBenchmark.BuildApiAsync();
        // "all" so that the website's generation runs; its loops are idle while pages are measured.
        using var on = StartApi(apiDirectory, connectionString, "http://127.0.0.1:5186", analytics: true);
        using var off = StartApi(apiDirectory, connectionString, "http://127.0.0.1:5187", analytics: false);
        try
        {
            return await RunWithApisAsync(services, connectionString, connections, duration, rows, queries, on, off);
        }
        finally
        {
            // Never leave an API process behind, whatever failed.
            foreach (var api in new[] { on, off })
            {
                if (!api.HasExited)
                    api.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<Report> RunWithApisAsync(IServiceProvider services, string connectionString, int connections,
        TimeSpan duration, long rows, int queries, Process on, Process off)
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5186") };
        await HttpBenchmark.WaitUntilReadyAsync(client);
        using (var offClient = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5187") })
            await HttpBenchmark.WaitUntilReadyAsync(offClient);
        var (workspaceId, websiteId, slug) = await PublishSiteAsync(client, connectionString);

        var pagePath = $"/sites/{slug}/about";
        string[] headers = [$"User-Agent: {Browser}"];
        await Wrk.RunAsync("warm-up", $"http://127.0.0.1:5186{pagePath}", connections, TimeSpan.FromSeconds(10), headers: headers);
        await Wrk.RunAsync("warm-up", $"http://127.0.0.1:5187{pagePath}", connections, TimeSpan.FromSeconds(10), headers: headers);
        var pages = new List<Wrk.Result>();
        for (var round = 1; round <= 2; round++)
        {
            pages.Add(await Wrk.MeasureAsync($"analytics on, round {round}", $"http://127.0.0.1:5186{pagePath}", connections, duration, on.Id, headers: headers));
            pages.Add(await Wrk.MeasureAsync($"analytics off, round {round}", $"http://127.0.0.1:5187{pagePath}", connections, duration, off.Id, headers: headers));
        }
        if (pages.Any(p => p.Errors > 0))
            throw new InvalidOperationException("Some page requests failed; the figures would not mean anything.");
        off.Kill(entireProcessTree: true);
        // The views just measured reach the database within a second; the load below starts from a settled table.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (loadTime, rawRows) = await LoadAsync(connectionString, workspaceId, websiteId, rows, today);

        var from = today.AddDays(-29).ToString("yyyy-MM-dd");
        var to = today.ToString("yyyy-MM-dd");
        var site = $"/api/v1/workspaces/{workspaceId}/analytics/sites/{websiteId}";
        var results = new List<Query>
        {
            await MeasureQueryAsync(client, "30-day summary", $"{site}/summary?from={from}&to={to}", queries),
            await MeasureQueryAsync(client, "30-day timeseries (day)", $"{site}/timeseries?from={from}&to={to}&interval=day", queries),
            await MeasureQueryAsync(client, "30-day timeseries (hour)", $"{site}/timeseries?from={from}&to={to}&interval=hour", queries),
            await MeasureQueryAsync(client, "30-day page breakdown", $"{site}/breakdown?dimension=page&from={from}&to={to}&limit=10", queries),
        };
        on.Kill(entireProcessTree: true);

        var (ingested, ingestTime, offered, dropped) = await IngestAsync(services, connectionString, slug, duration);
        return new Report(pages, rows, loadTime, rawRows, results, ingested, ingestTime, offered, dropped);
    }

    private static Process StartApi(string directory, string connectionString, string url, bool analytics)
    {
        var start = new ProcessStartInfo("dotnet", ["IaGenify.Api.dll", "--urls", url, "--role", "all"]) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Webhooks__SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimits__Auth__PermitLimit"] = "1000";
        start.Environment["RateLimits__User__PermitLimit"] = "100000000";
        start.Environment["RateLimits__Anonymous__PermitLimit"] = "100000000";
        start.Environment["Analytics__Enabled"] = analytics ? "true" : "false";
        // The sweep must not delete the synthetic days' visitor sets under the load, nor run during a measurement.
        start.Environment["Analytics__MaintenanceEnabled"] = "false";
        return Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
    }

    private static async Task<(Guid WorkspaceId, Guid WebsiteId, string Slug)> PublishSiteAsync(HttpClient client, string connectionString)
    {
        var (_, userId, workspaceId) = await HttpBenchmark.SeedAsync(client);
        // Publishing needs a verified address; the benchmark has no mailbox to open the link from.
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var verify = dataSource.CreateCommand("UPDATE users SET email_verified_at = now() WHERE id = $1"))
        {
            verify.Parameters.Add(new NpgsqlParameter { Value = userId });
            await verify.ExecuteNonQueryAsync();
        }
        var created = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/websites",
            new { name = $"Analytics Bakery {Guid.NewGuid().ToString("N")[..6]}", prompt = "A small bakery in Lyon, fresh bread and pastries" });
        created.EnsureSuccessStatusCode();
        var websiteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var website = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}");
            if (website.GetProperty("status").GetString() != "generating")
            {
                (await client.PostAsync($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/publish", null)).EnsureSuccessStatusCode();
                return (workspaceId, websiteId, website.GetProperty("slug").GetString()!);
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The website was not generated within 120 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Generates a day of page views at a time in the writer's staging table and stores it with the writer's own
    /// statement (<see cref="AnalyticsRollupSql.StoreBatch"/>): raw events, visitor sets and every rollup, exactly as
    /// ingestion maintains them. 200 pages (skewed), 50 referrers, UTM tags on a tenth, ~2.5 views per daily visitor,
    /// 5 % without a visitor (Sec-GPC), 0.5 % conversions. Visitor sets of finished days are dropped as the sweep would.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, long RawRows)> LoadAsync(string connectionString, Guid workspaceId, Guid websiteId,
        long rows, DateOnly today)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var partitions = new AnalyticsPartitions();
        // The 90 days before today: the ingestion part counts today's events.
        var first = today.AddDays(-Days);
        var months = Enumerable.Range(0, Days).Select(d => AnalyticsPartitions.MonthOf(new DateTimeOffset(first.AddDays(d).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        await partitions.EnsureAsync(connection, months, CancellationToken.None);
        await Execute(connection, null, AnalyticsRollupSql.CreateBatchTable);

        var clock = Stopwatch.StartNew();
        var perDay = rows / Days;
        for (var d = 0; d < Days; d++)
        {
            var day = first.AddDays(d);
            var count = d == Days - 1 ? rows - perDay * (Days - 1) : perDay;
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, transaction, """
                INSERT INTO analytics_batch (workspace_id, website_id, occurred_at, kind, path, referrer_host, utm_source,
                    utm_medium, utm_campaign, device, browser, visitor_hash)
                SELECT $1, $2, $3::date + make_interval(secs => r1 * 86399),
                    CASE WHEN r2 < 0.005 THEN 2 ELSE 1 END,
                    CASE WHEN r3 < 0.3 THEN '/' ELSE '/page-' || floor(power(r3, 3) * 200)::int END,
                    CASE WHEN r4 < 0.6 THEN NULL ELSE 'ref' || floor(power(r4, 4) * 50)::int || '.example' END,
                    CASE WHEN r5 < 0.1 THEN 'source' || floor(r5 * 100)::int END,
                    CASE WHEN r5 < 0.1 THEN (ARRAY['email', 'social', 'cpc'])[1 + floor(r5 * 30)::int] END,
                    CASE WHEN r5 < 0.1 THEN 'campaign' || floor(r5 * 50)::int END,
                    CASE WHEN r2 < 0.005 THEN NULL WHEN r6 < 0.55 THEN 'desktop' WHEN r6 < 0.95 THEN 'mobile' ELSE 'tablet' END,
                    CASE WHEN r2 < 0.005 THEN NULL WHEN r7 < 0.6 THEN 'chrome' WHEN r7 < 0.8 THEN 'safari' WHEN r7 < 0.9 THEN 'firefox'
                         WHEN r7 < 0.97 THEN 'edge' ELSE 'other' END,
                    CASE WHEN r2 < 0.005 OR r8 < 0.05 THEN NULL ELSE $5::bigint * 100000000 + floor(r8 * ($4 / 2.5))::bigint END
                FROM (SELECT random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
                      FROM generate_series(1, $4)) g
                """, workspaceId, websiteId, day, count, (long)day.DayNumber);
            await Execute(connection, transaction, AnalyticsRollupSql.StoreBatch);
            await Execute(connection, transaction, "DELETE FROM analytics_visitor_days WHERE day < $1", day);
            await Execute(connection, transaction, "DELETE FROM analytics_page_visitor_days WHERE day < $1", day);
            await transaction.CommitAsync();
        }
        clock.Stop();
        await Execute(connection, null, "VACUUM ANALYZE analytics_site_days, analytics_site_hours, analytics_dimension_days");
        await using var total = new NpgsqlCommand("SELECT count(*) FROM analytics_events WHERE workspace_id = $1", connection);
        total.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        return (clock.Elapsed, (long)(await total.ExecuteScalarAsync())!);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Query> MeasureQueryAsync(HttpClient client, string name, string url, int requests)
    {
        for (var i = 0; i < 20; i++)
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{name} answered {(int)response.StatusCode}.");
        }
        Array.Sort(latencies);
        return new Query(name, requests, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>
    /// Offers page views of the site to the buffer as fast as it accepts them for <paramref name="duration"/> (a full
    /// buffer refuses, and the producer yields), with the writer running; the rate is what the writer stored per second,
    /// counted from the events table once the writer has flushed the rest.
    /// </summary>
    private static async Task<(long Stored, TimeSpan Elapsed, long Offered, long Dropped)> IngestAsync(IServiceProvider services,
        string connectionString, string slug, TimeSpan duration)
    {
        var buffer = services.GetRequiredService<AnalyticsBuffer>();
        var writer = services.GetRequiredService<AnalyticsWriter>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = await CountAsync(dataSource);
        var droppedBefore = buffer.Dropped;
        var agents = new[]
        {
            (Browser, UserAgentClassifier.Classify(Browser)),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
                UserAgentClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1")),
        };
        string[] paths = ["/", "/about", "/contact", "/services"];
        var sources = new[] { new TrafficSource(null, null, null, null), new TrafficSource("news.example", "newsletter", "email", "spring") };

        await writer.StartAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        long offered = 0;
        var producer = Task.Run(async () =>
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var (agent, info) = agents[i % agents.Length];
                var v = i % 200_000;
                var visitor = new VisitorIdentity($"10.{v / 65536}.{v / 256 % 256}.{v % 256}", agent);
                offered++;
                if (!buffer.RecordPageView(new PageViewHit(slug, paths[i % paths.Length], sources[i % 7 == 0 ? 1 : 0], info, visitor)))
                    await Task.Delay(1);
            }
        });
        await producer;
        await writer.StopAsync(CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
        clock.Stop();
        var stored = await CountAsync(dataSource) - before;
        return (stored, clock.Elapsed, offered, buffer.Dropped - droppedBefore);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM analytics_events WHERE occurred_at >= now() - interval '1 hour'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
