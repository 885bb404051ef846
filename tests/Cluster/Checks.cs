using Npgsql;

namespace IaGenify.Cluster;

/// <summary>
/// What must hold once the run is over, read from PostgreSQL (the source of truth every replica shares), the
/// webhook receiver, both replicas directly, and the request log.
/// </summary>
internal sealed class Checks(ClusterOptions options, ScenarioRecord record, RequestLog log, WebhookSink sink, Report report)
{
    private static readonly string[] Terminal = ["Succeeded", "Failed", "Cancelled"];

    public async Task RunAsync(long startedMs, long endedMs)
    {
        await using var database = NpgsqlDataSource.Create(options.Database);
        await WaitForQuietAsync(database);
        Volume(startedMs, endedMs);
        await GenerationsAsync(database);
        await StripeAsync(database);
        await WebhooksAsync(database);
        Limits(startedMs, endedMs);
        await AssetsAsync();
        Http();
    }

    private void Volume(long startedMs, long endedMs)
    {
        var seconds = (endedMs - startedMs) / 1000.0;
        var requests = log.Count;
        report.Check("volume", requests >= options.MinRequests && seconds >= 60 && record.ClientsStarted >= 20,
            $"{requests} requests in {seconds:F0} s ({requests / seconds:F0}/s) from {record.ClientsStarted} clients + 2 limit probes");
    }

    /// <summary>Workers finish what was queued, the dispatcher delivers what is pending: wait for both, boundedly.</summary>
    private static async Task WaitForQuietAsync(NpgsqlDataSource database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var busy = await ScalarAsync<long>(database, """
                SELECT (SELECT count(*) FROM generations WHERE status IN ('Queued', 'Running'))
                     + (SELECT count(*) FROM webhook_deliveries WHERE status = 'Pending')
                     + (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)
                """);
            if (busy == 0)
                return;
            await Task.Delay(1000);
        }
    }

    private async Task GenerationsAsync(NpgsqlDataSource database)
    {
        var ids = record.Generations.Select(g => g.Id).ToArray();
        var statuses = new Dictionary<Guid, string>();
        await using (var command = database.CreateCommand("SELECT id, status FROM generations WHERE id = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                statuses[reader.GetGuid(0)] = reader.GetString(1);
        }
        var unfinished = ids.Count(id => !statuses.TryGetValue(id, out var s) || !Terminal.Contains(s));
        var stuckAnywhere = await ScalarAsync<long>(database, "SELECT count(*) FROM generations WHERE status IN ('Queued', 'Running')");
        var byStatus = string.Join(", ", statuses.Values.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}"));
        var kinds = string.Join(", ", record.Generations.GroupBy(g => g.Kind).Select(g => $"{g.Count()} {g.Key}"));
        report.Check("generations finished, none stuck", unfinished == 0 && stuckAnywhere == 0,
            $"{ids.Length} submitted ({kinds}): {byStatus}; {unfinished} of ours and {stuckAnywhere} in all not finished");

        // A job completed twice would publish its terminal event twice (and capture its hold twice).
        var events = new Dictionary<Guid, long>();
        await using (var command = database.CreateCommand("""
            SELECT (data->>'generationId')::uuid, count(*) FROM outbox_events
            WHERE type IN ('generation.succeeded', 'generation.failed') GROUP BY 1
            """))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                events[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        var twice = events.Count(e => e.Value > 1);
        var withoutEvent = ids.Count(id => statuses.GetValueOrDefault(id) is "Succeeded" or "Failed" && !events.ContainsKey(id));
        // Each succeeded job captures its hold once (the capture's key is per generation), a failed one none.
        long captures;
        await using (var command = database.CreateCommand("SELECT count(*) FROM credit_entries WHERE type = 'Capture' AND idempotency_key = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids.Select(id => $"generation:{id}:capture").ToArray() });
            captures = (long)(await command.ExecuteScalarAsync())!;
        }
        var succeeded = statuses.Values.Count(s => s == "Succeeded");
        Report.Info($"generations that took more than one attempt (retried or taken over after a lease lapsed): "
            + $"{await ScalarAsync<long>(database, "SELECT count(*) FROM generations WHERE attempts > 1")}");
        report.Check("generations completed exactly once", twice == 0 && withoutEvent == 0 && captures == succeeded,
            $"{events.Count} terminal events, {twice} generations with more than one, {withoutEvent} finished without one; "
            + $"{captures} captures for {succeeded} succeeded");
    }

    private async Task StripeAsync(NpgsqlDataSource database)
    {
        var deliveries = record.StripeEvents.ToList();
        var keys = deliveries.Select(d => $"checkout:{d.SessionId}").ToArray();
        long granted;
        await using (var command = database.CreateCommand("""
            SELECT count(*) FROM credit_entries WHERE idempotency_key = ANY($1)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = keys });
            granted = (long)(await command.ExecuteScalarAsync())!;
        }
        long inbox;
        await using (var command = database.CreateCommand("SELECT count(*) FROM billing_inbox WHERE event_id = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => d.EventId).ToArray() });
            inbox = (long)(await command.ExecuteScalarAsync())!;
        }
        var sent = log.All.Count(r => r.Route == "stripe.webhook");
        report.Check("stripe events granted once", granted == deliveries.Count && inbox == deliveries.Count,
            $"{deliveries.Count} events sent {sent} times (3 concurrent copies each): {inbox} recorded, {granted} grants");
    }

    private async Task WebhooksAsync(NpgsqlDataSource database)
    {
        var rows = new List<(Guid EventId, string Status, long Count)>();
        await using (var command = database.CreateCommand("""
            SELECT event_id, min(status), count(*) FROM webhook_deliveries WHERE endpoint_id = ANY($1) GROUP BY event_id
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = record.WebhookEndpoints.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
        }
        long undelivered;
        await using (var command = database.CreateCommand("""
            SELECT count(*) FROM outbox_events e
            WHERE e.workspace_id = ANY($1) AND e.type IN ('generation.succeeded', 'generation.failed', 'website.published')
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = record.Workspaces.ToArray() });
            undelivered = (long)(await command.ExecuteScalarAsync())!;
        }
        var received = sink.Received;
        var missing = rows.Count(r => !received.ContainsKey(r.EventId.ToString()));
        var notSucceeded = rows.Count(r => r.Status != "Succeeded");
        var repeated = received.Values.Count(n => n > 1);
        report.Check("outbound webhooks delivered at least once", rows.Count > 0 && missing == 0 && notSucceeded == 0 && undelivered == 0,
            $"{rows.Count} events for {record.WebhookEndpoints.Count} endpoints: {rows.Count - missing} received, {notSucceeded} not succeeded, "
            + $"{undelivered} events without a delivery; {repeated} received more than once (allowed)");
        report.Check("outbound webhooks recorded once per event", rows.All(r => r.Count == 1),
            $"{rows.Count(r => r.Count > 1)} events with more than one delivery record per endpoint");
    }

    private void Limits(long startedMs, long endedMs)
    {
        Limit("api-key limit across replicas", record.ApiKeyAdmitted, options.ApiKeyLimitPerMinute, TimeSpan.FromMinutes(1), "probe.api-key",
            startedMs, endedMs);
        Limit("contact per-address limit across replicas", record.ContactAdmitted, options.ContactLimitPerIp, options.ContactWindow,
            "probe.contact", startedMs, endedMs);
    }

    /// <summary>
    /// Windows are fixed and aligned on Redis's clock (this machine's): at most N per window the probe touched, plus one
    /// window of tolerance (the per-process fallback while Redis restarts, and requests straddling a boundary).
    /// </summary>
    private void Limit(string name, IEnumerable<long> admitted, int perWindow, TimeSpan window, string route, long startedMs, long endedMs)
    {
        var times = admitted.ToList();
        var attempts = log.All.Where(r => r.Route == route).ToList();
        var windowMs = (long)window.TotalMilliseconds;
        var first = attempts.Count > 0 ? attempts.Min(r => r.StartedMs) : startedMs;
        var last = attempts.Count > 0 ? attempts.Max(r => r.EndedMs) : endedMs;
        var touched = last / windowMs - first / windowMs + 1;
        var bound = perWindow * (touched + 1);
        var busiest = times.GroupBy(t => t / windowMs).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var redisOutages = FaultWindow.Read(options.FaultsFile).Where(f => f.Label.StartsWith("redis", StringComparison.Ordinal)).ToList();
        var duringRedisOutage = times.Count(t => redisOutages.Any(f => f.Covers(new RequestRecord(route, t, t, 200, true))));
        report.Check(name, attempts.Count > 0 && times.Count <= bound,
            $"{attempts.Count} attempts, {times.Count} admitted over {touched} window(s) of {window.TotalMinutes:F0} min at {perWindow} "
            + $"(bound {bound}; busiest window {busiest}; {duringRedisOutage} admitted around the Redis restart)");
    }

    private async Task AssetsAsync()
    {
        var assets = record.Assets.ToList();
        var unreadable = 0;
        foreach (var replica in options.Replicas)
        {
            using var http = ApiClient.CreateHttp(replica);
            foreach (var asset in assets)
            {
                try
                {
                    var bytes = await asset.Owner.On(http).DownloadAssetAsync(asset.WorkspaceId, asset.Id, "check.asset");
                    if (!bytes.AsSpan().SequenceEqual(asset.Content))
                        unreadable++;
                }
                catch (UnexpectedResponseException)
                {
                    unreadable++;
                }
            }
        }
        report.Check("assets readable through each replica", assets.Count > 0 && unreadable == 0,
            $"{assets.Count} uploads read through {options.Replicas.Count} replicas: {unreadable} failed");
    }

    private void Http()
    {
        var faults = FaultWindow.Read(options.FaultsFile);
        var scenario = log.All.Where(r => r.Route != "check.asset").ToList();
        bool InFault(RequestRecord r) => faults.Any(f => f.Covers(r));
        var during = scenario.Where(InFault).ToList();
        var outside = scenario.Where(r => !InFault(r)).ToList();
        foreach (var fault in faults)
        {
            var covered = scenario.Where(fault.Covers).ToList();
            Report.Info($"{fault.Label}: {(fault.EndMs - fault.StartMs) / 1000.0:F1} s, {covered.Count} requests around it, "
                + $"{covered.Count(r => r.Status >= 500)} 5xx, {covered.Count(r => r.Status == 0)} without a response"
                + (covered.Any(r => !r.Expected) ? $" (unexpected: {Describe(covered.Where(r => !r.Expected))})" : ""));
        }
        var fiveHundreds = outside.Where(r => r.Status >= 500).ToList();
        report.Check("no 5xx outside the announced restarts", fiveHundreds.Count == 0,
            $"{fiveHundreds.Count} outside ({Describe(fiveHundreds)}); {during.Count(r => r.Status >= 500)} during restarts");
        var lost = outside.Where(r => r.Status == 0).ToList();
        report.Check("no request lost by the balancer outside the announced restarts", lost.Count == 0,
            $"{lost.Count} outside ({Describe(lost)}); {during.Count(r => r.Status == 0)} during restarts");
        var unexpected = outside.Where(r => r.Status is > 0 and < 500 && !r.Expected).ToList();
        report.Check("every other response as expected", unexpected.Count == 0, $"{unexpected.Count} unexpected ({Describe(unexpected)})");
        Report.Info("statuses: " + string.Join(", ", scenario.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
    }

    private static string Describe(IEnumerable<RequestRecord> records) =>
        string.Join(", ", records.GroupBy(r => $"{r.Route} {r.Status}").OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Key} ×{g.Count()}"));

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
