using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Ports;
using IaGenify.Domain.Analytics;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Dashboard reads. Site figures come from the rollup tables (a 30-day query reads ~30 rows per site, or ~720 for
/// hours), never from raw events, except live visitors: the last five minutes of one site, through the
/// (workspace_id, website_id, occurred_at) index. Usage reads the credit ledger and generations, so it is the ledger.
/// </summary>
internal sealed class AnalyticsReader(NpgsqlDataSource dataSource) : IAnalyticsReader
{
    public async Task<bool> SiteExistsAsync(Guid workspaceId, Guid websiteId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM websites WHERE workspace_id = $1 AND id = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = websiteId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<(SiteTotals Current, SiteTotals Previous)> TotalsAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        CancellationToken cancellationToken)
    {
        // Both periods in one pass over the site's day rows (one round trip instead of two).
        var previous = range.Previous();
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(sum(visitors) FILTER (WHERE day >= $3), 0)::bigint,
                   coalesce(sum(pageviews) FILTER (WHERE day >= $3), 0)::bigint,
                   coalesce(sum(conversions) FILTER (WHERE day >= $3), 0)::bigint,
                   coalesce(sum(visitors) FILTER (WHERE day < $3), 0)::bigint,
                   coalesce(sum(pageviews) FILTER (WHERE day < $3), 0)::bigint,
                   coalesce(sum(conversions) FILTER (WHERE day < $3), 0)::bigint
            FROM analytics_site_days WHERE workspace_id = $1 AND website_id = $2 AND day BETWEEN $5 AND $4
            """);
        AddSite(command, workspaceId, websiteId, range);
        command.Parameters.Add(new NpgsqlParameter { Value = previous.From });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (new SiteTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)),
            new SiteTotals(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
    }

    public async Task<IReadOnlyList<TimeseriesPointDto>> TimeseriesAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        AnalyticsInterval interval, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var buckets = Buckets(range, interval, timeZone);
        var byStart = new Dictionary<DateTimeOffset, (long Visitors, long Pageviews, long Conversions)>();
        var start = buckets[0];
        var end = interval == AnalyticsInterval.Hour ? buckets[^1].AddHours(1) : LocalMidnight(range.To.AddDays(1), timeZone);

        var fromDays = interval == AnalyticsInterval.Day && IsUtc(timeZone);
        await using var command = dataSource.CreateCommand(fromDays
            ? """
              SELECT day, visitors, pageviews, conversions FROM analytics_site_days
              WHERE workspace_id = $1 AND website_id = $2 AND day BETWEEN $3 AND $4
              """
            : """
              SELECT hour, visitors, pageviews, conversions FROM analytics_site_hours
              WHERE workspace_id = $1 AND website_id = $2 AND hour >= $3 AND hour < $4
              """);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = websiteId });
        command.Parameters.Add(fromDays ? new NpgsqlParameter { Value = range.From } : new NpgsqlParameter { Value = start });
        command.Parameters.Add(fromDays ? new NpgsqlParameter { Value = range.To } : new NpgsqlParameter { Value = end });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = fromDays
                    ? new DateTimeOffset(reader.GetFieldValue<DateOnly>(0).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : reader.GetFieldValue<DateTimeOffset>(0);
                if (interval == AnalyticsInterval.Day && !fromDays)
                    key = LocalMidnightOf(key, timeZone);
                else if (interval == AnalyticsInterval.Hour)
                    key = HourBucketOf(key, start);
                var (v, p, c) = byStart.GetValueOrDefault(key);
                byStart[key] = (v + reader.GetInt64(1), p + reader.GetInt64(2), c + reader.GetInt64(3));
            }
        }
        return buckets.Select(b => byStart.TryGetValue(b, out var x)
            ? new TimeseriesPointDto(b, x.Visitors, x.Pageviews, x.Conversions)
            : new TimeseriesPointDto(b, 0, 0, 0)).ToList();
    }

    public async Task<IReadOnlyList<BreakdownItemDto>> BreakdownAsync(Guid workspaceId, Guid websiteId, AnalyticsRange range,
        AnalyticsDimension dimension, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT value, sum(visitors)::bigint AS visitors, sum(pageviews)::bigint AS pageviews FROM analytics_dimension_days
            WHERE workspace_id = $1 AND website_id = $2 AND dimension = $5 AND day BETWEEN $3 AND $4
            GROUP BY value ORDER BY visitors DESC, pageviews DESC, value LIMIT $6
            """);
        AddSite(command, workspaceId, websiteId, range);
        command.Parameters.Add(new NpgsqlParameter { Value = (short)dimension });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var items = new List<BreakdownItemDto>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = reader.GetString(0);
            items.Add(new BreakdownItemDto(dimension == AnalyticsDimension.Referrer && value.Length == 0 ? "(direct)" : value,
                reader.GetInt64(1), reader.GetInt64(2)));
        }
        return items;
    }

    public async Task<long> VisitorsSinceAsync(Guid workspaceId, Guid websiteId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(DISTINCT visitor_hash) FROM analytics_events
            WHERE workspace_id = $1 AND website_id = $2 AND occurred_at >= $3 AND kind = 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = websiteId });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<UsagePointDto>> UsageAsync(Guid workspaceId, AnalyticsRange range, AnalyticsInterval interval,
        CancellationToken cancellationToken)
    {
        var buckets = Buckets(range, interval, TimeZoneInfo.Utc);
        var unit = interval == AnalyticsInterval.Hour ? "hour" : "day";
        var start = buckets[0];
        var end = LocalMidnight(range.To.AddDays(1), TimeZoneInfo.Utc);
        var credits = new Dictionary<DateTimeOffset, List<OperationCreditsDto>>();
        var generations = new Dictionary<DateTimeOffset, List<GenerationCountDto>>();

        // Consumed credits are the ledger's debits: captures (named after their hold's operation) and negative
        // adjustments. Amounts are signed, so consumption is the negated sum.
        await using (var command = dataSource.CreateCommand($"""
            SELECT date_trunc('{unit}', e.created_at, 'UTC') AS bucket,
                   CASE WHEN e.type = 'Capture' THEN coalesce(h.operation, 'unknown') ELSE 'adjustment' END AS operation,
                   -sum(e.amount)::bigint
            FROM credit_entries e LEFT JOIN credit_holds h ON h.id = e.hold_id
            WHERE e.workspace_id = $1 AND e.created_at >= $2 AND e.created_at < $3
              AND (e.type = 'Capture' OR (e.type = 'Adjustment' AND e.amount < 0))
            GROUP BY 1, 2 HAVING sum(e.amount) <> 0 ORDER BY 1, 2
            """))
        {
            AddWindow(command, workspaceId, start, end);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                Bucket(credits, reader.GetFieldValue<DateTimeOffset>(0)).Add(new OperationCreditsDto(reader.GetString(1), reader.GetInt64(2)));
        }

        await using (var command = dataSource.CreateCommand($"""
            SELECT date_trunc('{unit}', g.created_at, 'UTC') AS bucket, g.kind, g.status, count(*)::bigint,
                   coalesce(sum(h.captured) FILTER (WHERE h.status = 'Captured'), 0)::bigint
            FROM generations g LEFT JOIN credit_holds h ON h.id = g.hold_id
            WHERE g.workspace_id = $1 AND g.created_at >= $2 AND g.created_at < $3
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """))
        {
            AddWindow(command, workspaceId, start, end);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                Bucket(generations, reader.GetFieldValue<DateTimeOffset>(0)).Add(new GenerationCountDto(
                    reader.GetString(1).ToLowerInvariant(), reader.GetString(2).ToLowerInvariant(), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return buckets.Select(b =>
        {
            var operations = credits.GetValueOrDefault(b) ?? [];
            return new UsagePointDto(b, operations.Sum(o => o.Credits), operations, generations.GetValueOrDefault(b) ?? []);
        }).ToList();
    }

    private static List<T> Bucket<T>(Dictionary<DateTimeOffset, List<T>> buckets, DateTimeOffset at)
    {
        var key = at.ToUniversalTime();
        if (!buckets.TryGetValue(key, out var list))
            buckets[key] = list = [];
        return list;
    }

    /// <summary>Every bucket start of the range, as UTC instants: hours, or midnights in the time zone.</summary>
    private static List<DateTimeOffset> Buckets(AnalyticsRange range, AnalyticsInterval interval, TimeZoneInfo timeZone)
    {
        var buckets = new List<DateTimeOffset>();
        if (interval == AnalyticsInterval.Day)
        {
            for (var day = range.From; day <= range.To; day = day.AddDays(1))
                buckets.Add(LocalMidnight(day, timeZone));
            return buckets;
        }
        var end = LocalMidnight(range.To.AddDays(1), timeZone);
        for (var hour = LocalMidnight(range.From, timeZone); hour < end; hour = hour.AddHours(1))
            buckets.Add(hour);
        return buckets;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts at the first valid instant after it.
        while (timeZone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, timeZone), TimeSpan.Zero);
    }

    /// <summary>
    /// The hour bucket a stored UTC hour starts in. Buckets start at the zone's midnight, which in zones a half or
    /// three quarters of an hour off UTC (India, Nepal) is not a whole UTC hour, so rows never fall on a bucket start.
    /// </summary>
    private static DateTimeOffset HourBucketOf(DateTimeOffset hour, DateTimeOffset firstBucket) =>
        firstBucket.AddTicks((hour - firstBucket).Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour);

    private static bool IsUtc(TimeZoneInfo timeZone) =>
        timeZone.BaseUtcOffset == TimeSpan.Zero && !timeZone.SupportsDaylightSavingTime;

    private static DateTimeOffset LocalMidnightOf(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime), timeZone);

    private static void AddSite(NpgsqlCommand command, Guid workspaceId, Guid websiteId, AnalyticsRange range)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = websiteId });
        command.Parameters.Add(new NpgsqlParameter { Value = range.From });
        command.Parameters.Add(new NpgsqlParameter { Value = range.To });
    }

    private static void AddWindow(NpgsqlCommand command, Guid workspaceId, DateTimeOffset start, DateTimeOffset end)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = start });
        command.Parameters.Add(new NpgsqlParameter { Value = end });
    }
}
