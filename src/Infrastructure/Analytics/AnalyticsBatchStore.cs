using IaGenify.Domain.Analytics;
using Npgsql;
using NpgsqlTypes;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Stores a batch in one transaction: binary COPY into a session-local staging table, then one statement that
/// appends the raw events and increments the rollups (<see cref="AnalyticsRollupSql"/>). The visitor hash is
/// computed here, off the request path, with the salt of the event's UTC day; the IP and User-Agent go no further.
/// </summary>
public sealed class AnalyticsBatchStore(NpgsqlDataSource dataSource, AnalyticsSalts salts, AnalyticsPartitions partitions,
    SiteDirectory sites)
{
    private const int Attempts = 3;

    /// <summary>Returns how many events were stored (page views of sites that no longer exist are skipped).</summary>
    public async Task<int> StoreAsync(IReadOnlyList<AnalyticsEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var slugs = await sites.ResolveAsync(connection, batch.Where(e => e.Slug is not null).Select(e => e.Slug!), cancellationToken);
        var rows = new List<Row>(batch.Count);
        foreach (var analyticsEvent in batch)
        {
            if (Resolve(analyticsEvent, slugs) is not { } site)
                continue;
            long? hash = null;
            if (analyticsEvent.Visitor is { } visitor)
            {
                var salt = await salts.GetAsync(connection, DateOnly.FromDateTime(analyticsEvent.At.UtcDateTime), cancellationToken);
                hash = VisitorHash.Compute(salt, site.WebsiteId, visitor.ClientIp, visitor.UserAgent);
            }
            rows.Add(new Row(site.WorkspaceId, site.WebsiteId, analyticsEvent, hash));
        }
        if (rows.Count == 0)
            return 0;
        await partitions.EnsureAsync(connection, rows.Select(r => AnalyticsPartitions.MonthOf(r.Event.At)), cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(connection, rows, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected
                                                   or PostgresErrorCodes.SerializationFailure)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    private static (Guid WorkspaceId, Guid WebsiteId)? Resolve(AnalyticsEvent analyticsEvent,
        IReadOnlyDictionary<string, (Guid WorkspaceId, Guid WebsiteId)> slugs)
    {
        if (analyticsEvent is { WorkspaceId: { } workspaceId, WebsiteId: { } websiteId })
            return (workspaceId, websiteId);
        return analyticsEvent.Slug is not null && slugs.TryGetValue(analyticsEvent.Slug, out var site) ? site : null;
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(AnalyticsRollupSql.CreateBatchTable, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(AnalyticsRollupSql.CopyBatch, cancellationToken))
        {
            foreach (var row in rows)
            {
                var e = row.Event;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.WorkspaceId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(row.WebsiteId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(e.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync(e.Path, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, e.ReferrerHost, cancellationToken);
                await WriteNullableAsync(importer, e.UtmSource, cancellationToken);
                await WriteNullableAsync(importer, e.UtmMedium, cancellationToken);
                await WriteNullableAsync(importer, e.UtmCampaign, cancellationToken);
                await WriteNullableAsync(importer, e.Device, cancellationToken);
                await WriteNullableAsync(importer, e.Browser, cancellationToken);
                if (row.VisitorHash is { } hash)
                    await importer.WriteAsync(hash, NpgsqlDbType.Bigint, cancellationToken);
                else
                    await importer.WriteNullAsync(cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await using var store = new NpgsqlCommand(AnalyticsRollupSql.StoreBatch, connection, transaction);
        var stored = Convert.ToInt32(await store.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
            await importer.WriteNullAsync(cancellationToken);
        else
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }

    private sealed record Row(Guid WorkspaceId, Guid WebsiteId, AnalyticsEvent Event, long? VisitorHash);
}
