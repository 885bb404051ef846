using System.Globalization;
using IaGenify.Application.Analytics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// The analytics sweep: raw events older than <c>Analytics:RawRetention</c> go (whole monthly partitions are dropped,
/// the rest deleted); salts and distinct-visitor sets of days before yesterday go, so no hash can be recomputed or
/// linked once its day is over; partitions are created two months ahead; weekly report deliveries older than eight
/// weeks go.
/// </summary>
public sealed class AnalyticsMaintenance(NpgsqlDataSource dataSource, AnalyticsPartitions partitions, AnalyticsSalts salts,
    IOptions<AnalyticsOptions> options, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var cutoff = now - options.Value.RawRetention;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var thisMonth = AnalyticsPartitions.MonthOf(now);
        await partitions.EnsureAsync(connection, [thisMonth, thisMonth.AddMonths(1), thisMonth.AddMonths(2)], cancellationToken);

        foreach (var (name, month) in await PartitionsAsync(connection, cancellationToken))
        {
            var monthEnd = new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (monthEnd > cutoff)
                continue;
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {name}", cancellationToken);
            partitions.Forget(connection.Database, month);
        }
        await ExecuteAsync(connection, "DELETE FROM analytics_events WHERE occurred_at < $1", cancellationToken, cutoff);
        await ExecuteAsync(connection, "DELETE FROM analytics_salts WHERE day < $1", cancellationToken, yesterday);
        await ExecuteAsync(connection, "DELETE FROM analytics_visitor_days WHERE day < $1", cancellationToken, yesterday);
        await ExecuteAsync(connection, "DELETE FROM analytics_page_visitor_days WHERE day < $1", cancellationToken, yesterday);
        // Only the last complete week's deliveries keep a report from going twice; older rows are history.
        await ExecuteAsync(connection, "DELETE FROM analytics_report_deliveries WHERE week < $1", cancellationToken,
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(-WeeklyReportSender.DeliveryRetentionDays));
        salts.Forget(yesterday);
    }

    private static async Task<List<(string Name, DateOnly Month)>> PartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'analytics_events'
            """, connection);
        var result = new List<(string, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            // analytics_events_yYYYYmMM
            if (name.Length == 25 && DateOnly.TryParseExact(name[18..22] + "-" + name[23..25] + "-01", "yyyy-MM-dd",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                result.Add((name, month));
        }
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, object? value = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (value is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
