using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Monthly partitions of <c>analytics_events</c> (<c>analytics_events_yYYYYmMM</c>, UTC month bounds). The maintenance
/// sweep creates them months ahead; the writer also makes sure the months of each batch exist, so that a clock
/// jump or a long outage of the sweep never loses events.
/// </summary>
public sealed class AnalyticsPartitions
{
    private readonly ConcurrentDictionary<(string Database, DateOnly Month), bool> _known = new();

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public static string NameOf(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"analytics_events_y{month.Year:D4}m{month.Month:D2}");

    public async Task EnsureAsync(NpgsqlConnection connection, IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var missing = months.Distinct().Where(m => !_known.ContainsKey((connection.Database, m))).ToList();
        if (missing.Count == 0)
            return;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas may race to create the same month; the lock makes IF NOT EXISTS safe.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('analytics_partitions'))", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        foreach (var month in missing)
        {
            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS {NameOf(month)} PARTITION OF analytics_events FOR VALUES FROM ('{month:yyyy-MM-dd} 00:00:00+00') TO ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')");
            await using var create = new NpgsqlCommand(sql, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
            _known[(connection.Database, month)] = true;
    }

    /// <summary>Forgets partitions the retention sweep dropped.</summary>
    public void Forget(string database, DateOnly month) => _known.TryRemove((database, month), out _);
}
