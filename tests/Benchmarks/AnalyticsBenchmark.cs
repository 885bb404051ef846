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
/// would skip the work); (2) synthetic page views over 90 days loaded through the writer's own reduction and
/// statements, day by day, then the 30-day summary, timeseries and page breakdown through the
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

    /// <param name="ViewsServed">Pages the analytics-on server answered in the measured rounds.</param>
    /// <param name="ViewsStored">Page views of those rounds the writer stored; the rest were refused by the full buffer.</param>
    public sealed record Report(IReadOnlyList<Wrk.Result> Pages, long ViewsServed, long ViewsStored, long Rows, TimeSpan LoadTime,
        long RawRows, IReadOnlyList<Query> Queries, Ingestion Ingest);

    /// <summary>
    /// What the writer stored, and the CPU it took per stored event: the load program's own (the writer, plus the
    /// producer offering events) and the benchmark's PostgreSQL server's (only that server's processes, not others on
    /// the machine).
    /// </summary>
    public sealed record Ingestion(long Stored, TimeSpan Elapsed, long Offered, long Dropped, double AppCpuMsPerEvent,
        double DatabaseCpuMsPerEvent)
    {
        public double Rate => Stored / Elapsed.TotalSeconds;
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
        var storedBefore = await CountViewsAsync(connectionString, websiteId);
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
        var viewsStored = await CountViewsAsync(connectionString, websiteId) - storedBefore;
        var viewsServed = pages.Where(p => p.Name.StartsWith("analytics on", StringComparison.Ordinal)).Sum(p => p.Requests);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (loadTime, rawRows) = await LoadAsync(services, connectionString, workspaceId, websiteId, rows, today);

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

        return new Report(pages, viewsServed, viewsStored, rows, loadTime, rawRows, results,
            await IngestAsync(services, connectionString, slug, duration));
    }

    /// <summary>
    /// Part 3 alone (<c>scripts/bench.sh analytics-ingest</c>), for iterating on the writer: a published site is
    /// inserted directly (no API process, no generation), then events are offered as in the full run.
    /// </summary>
    public static async Task<Ingestion> IngestOnlyAsync(IServiceProvider services, string connectionString, TimeSpan duration)
    {
        var slug = $"ingest-{Guid.NewGuid().ToString("N")[..8]}";
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            // The writer reads only slug, workspace_id, id and published_revision_id of a site.
            await using var command = dataSource.CreateCommand("""
                WITH w AS (
                    INSERT INTO workspaces (id, name, created_at, version, require_mfa)
                    VALUES (gen_random_uuid(), 'Ingest', now(), 0, false) RETURNING id)
                INSERT INTO websites (id, workspace_id, name, slug, status, revision_count, created_at, updated_at, version,
                    theme_accent, theme_background, theme_font, theme_primary, theme_text, published_revision_id)
                SELECT gen_random_uuid(), w.id, 'Ingest', $1, 'published', 1, now(), now(), 0,
                    '#000000', '#ffffff', 'system-ui', '#000000', '#000000', gen_random_uuid() FROM w
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = slug });
            await command.ExecuteNonQueryAsync();
        }
        return await IngestAsync(services, connectionString, slug, duration);
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
    /// Generates page views a day at a time and stores them through the writer's own reduction and statements
    /// (<see cref="AnalyticsBatch"/>, <see cref="AnalyticsBatchStore"/>): raw events, visitor sets and every rollup,
    /// exactly as ingestion maintains them (only the visitor hashes are synthetic). 200 pages (skewed), 50 referrers,
    /// UTM tags on a tenth, ~2.5 views per daily visitor, 5 % without a visitor (Sec-GPC), 0.5 % conversions. Visitor
    /// sets of finished days are dropped as the sweep would.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, long RawRows)> LoadAsync(IServiceProvider services, string connectionString,
        Guid workspaceId, Guid websiteId, long rows, DateOnly today)
    {
        var store = services.GetRequiredService<AnalyticsBatchStore>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var partitions = new AnalyticsPartitions();
        // The 90 days before today: the ingestion part counts today's events.
        var first = today.AddDays(-Days);
        var months = Enumerable.Range(0, Days).Select(d => AnalyticsPartitions.MonthOf(new DateTimeOffset(first.AddDays(d).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        await partitions.EnsureAsync(connection, months, CancellationToken.None);

        var pages = Enumerable.Range(0, 200).Select(i => $"/page-{i}").ToArray();
        var referrers = Enumerable.Range(0, 50).Select(i => $"ref{i}.example").ToArray();
        var sources = Enumerable.Range(0, 10).Select(i => $"source{i}").ToArray();
        var campaigns = Enumerable.Range(0, 5).Select(i => $"campaign{i}").ToArray();
        string[] media = ["email", "social", "cpc"];
        var random = new Random(11);
        var clock = Stopwatch.StartNew();
        var perDay = rows / Days;
        for (var d = 0; d < Days; d++)
        {
            var day = first.AddDays(d);
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var count = d == Days - 1 ? rows - perDay * (Days - 1) : perDay;
            var visitors = Math.Max(1, (long)(count / 2.5));
            for (long done = 0; done < count;)
            {
                var batch = new AnalyticsBatch();
                for (var i = 0; i < 20_000 && done < count; i++, done++)
                {
                    var conversion = random.NextDouble() < 0.005;
                    var r3 = random.NextDouble();
                    var r4 = random.NextDouble();
                    var r5 = random.NextDouble();
                    var (r6, r7, r8) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
                    var tagged = r5 < 0.1;
                    var analyticsEvent = new AnalyticsEvent(conversion ? AnalyticsEventKind.Conversion : AnalyticsEventKind.PageView,
                        midnight.AddSeconds(Math.Floor(random.NextDouble() * 86399)), null, workspaceId, websiteId,
                        r3 < 0.3 ? "/" : pages[(int)(Math.Pow(r3, 3) * 200)],
                        r4 < 0.6 ? null : referrers[(int)(Math.Pow(r4, 4) * 50)],
                        tagged ? sources[(int)(r5 * 100)] : null, tagged ? media[(int)(r5 * 30)] : null,
                        tagged ? campaigns[(int)(r5 * 50)] : null,
                        conversion ? null : r6 < 0.55 ? "desktop" : r6 < 0.95 ? "mobile" : "tablet",
                        conversion ? null : r7 < 0.6 ? "chrome" : r7 < 0.8 ? "safari" : r7 < 0.9 ? "firefox" : r7 < 0.97 ? "edge" : "other",
                        null);
                    long? hash = conversion || r8 < 0.05 ? null : day.DayNumber * 100_000_000L + (long)(r8 * visitors);
                    batch.Add(workspaceId, websiteId, analyticsEvent, hash);
                }
                await store.WriteAsync(batch, CancellationToken.None);
            }
            await Execute(connection, null, "DELETE FROM analytics_visitor_days WHERE day < $1", day);
            await Execute(connection, null, "DELETE FROM analytics_page_visitor_days WHERE day < $1", day);
        }
        clock.Stop();
        // The raw partitions too: otherwise autovacuum's first pass over millions of fresh rows runs during the
        // dashboard measurements (a likely cause of the 50.7 ms p95 of 02:43), which a site's steady trickle never causes.
        await Execute(connection, null, "VACUUM ANALYZE analytics_events, analytics_site_days, analytics_site_hours, analytics_dimension_days");
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
    private static async Task<Ingestion> IngestAsync(IServiceProvider services, string connectionString, string slug, TimeSpan duration)
    {
        var buffer = services.GetRequiredService<AnalyticsBuffer>();
        var writer = services.GetRequiredService<AnalyticsWriter>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var postmaster = await PostmasterAsync(dataSource);
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

        var (appCpu, databaseCpu) = (CpuTime.OfProcess(Environment.ProcessId), PostgresCpu(postmaster));
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
        var (appCpuAfter, databaseCpuAfter) = (CpuTime.OfProcess(Environment.ProcessId), PostgresCpu(postmaster));
        var stored = await CountAsync(dataSource) - before;
        return new Ingestion(stored, clock.Elapsed, offered, buffer.Dropped - droppedBefore,
            (appCpuAfter - appCpu) * 1000 / Math.Max(1, stored), (databaseCpuAfter - databaseCpu) * 1000 / Math.Max(1, stored));
    }

    /// <summary>The postmaster of the benchmark's server: the parent of any of its backends.</summary>
    private static async Task<int> PostmasterAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        return ParentOf((int)(await command.ExecuteScalarAsync())!);
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line[5..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// CPU seconds of one PostgreSQL server: its live children, plus the postmaster's own and that of the children it
    /// has reaped (cutime/cstime), so that backends ending during the measurement still count.
    /// </summary>
    private static double PostgresCpu(int postmaster)
    {
        var stat = File.ReadAllText($"/proc/{postmaster}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var own = fields.Skip(11).Take(4).Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster)
            .Sum(pid =>
            {
                try
                {
                    return CpuTime.OfProcess(pid);
                }
                catch (IOException)
                {
                    return 0;
                }
            });
        return own + children;
    }

    private static async Task<long> CountViewsAsync(string connectionString, Guid websiteId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM analytics_events WHERE website_id = $1 AND kind = 1");
        command.Parameters.Add(new NpgsqlParameter { Value = websiteId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM analytics_events WHERE occurred_at >= now() - interval '1 hour'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
