using System.Buffers;
using IaGenify.Domain.Analytics;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Stores batches in two steps the writer can overlap: <see cref="PrepareAsync"/> resolves sites, computes the
/// visitor hashes (with the salt of the event's UTC day; the IP and User-Agent go no further) and reduces the batch
/// (<see cref="AnalyticsBatch"/>); <see cref="WriteAsync"/> stores it in one transaction: binary COPY of the raw
/// events, then one statement for visitor sets and rollups (<see cref="AnalyticsRollupSql"/>).
/// </summary>
public sealed class AnalyticsBatchStore(NpgsqlDataSource dataSource, AnalyticsSalts salts, AnalyticsPartitions partitions,
    SiteDirectory sites)
{
    private const int Attempts = 3;

    /// <summary>
    /// The writer shares the cores with page requests, on the same thread pool: it gives its thread back every this
    /// many events (hashing and reducing them takes about a millisecond), so that a large batch never holds a thread
    /// for tens of milliseconds while requests queue behind it.
    /// </summary>
    private const int SliceSize = 128;

    /// <summary>Raw events are sent to PostgreSQL in chunks of about this size (below the large-object threshold).</summary>
    private const int CopyChunkBytes = 60 * 1024;

    /// <summary>Prepares and writes at once; returns how many events were stored.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<AnalyticsEvent> batch, CancellationToken cancellationToken) =>
        await WriteAsync(await PrepareAsync(batch, new AnalyticsBatch(), cancellationToken), cancellationToken);

    /// <summary>
    /// Fills <paramref name="batch"/> (cleared first) from <paramref name="events"/>. Page views of sites that no
    /// longer exist (or are unpublished) are left out.
    /// </summary>
    internal async Task<AnalyticsBatch> PrepareAsync(IReadOnlyList<AnalyticsEvent> events, AnalyticsBatch batch,
        CancellationToken cancellationToken)
    {
        batch.Clear();
        if (events.Count == 0)
            return batch;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var slugs = await sites.ResolveAsync(connection, SlugsOf(events), cancellationToken);
        // A batch spans one or two days: each day's salt is looked up once, not per event.
        var daySalt = (Day: DateOnly.MinValue, Salt: Array.Empty<byte>());
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0 && i % SliceSize == 0)
                await Task.Yield();
            var analyticsEvent = events[i];
            if (Resolve(analyticsEvent, slugs) is not { } site)
                continue;
            long? hash = null;
            if (analyticsEvent.Visitor is { } visitor)
            {
                var day = DateOnly.FromDateTime(analyticsEvent.At.UtcDateTime);
                var key = (site.WebsiteId, day, visitor);
                if (!batch.VisitorHashes.TryGetValue(key, out var known))
                {
                    if (day != daySalt.Day)
                        daySalt = (day, await salts.GetAsync(connection, day, cancellationToken));
                    known = VisitorHash.Compute(daySalt.Salt, site.WebsiteId, visitor.ClientIp, visitor.UserAgent);
                    batch.VisitorHashes.Add(key, known);
                }
                hash = known;
            }
            batch.Add(site.WorkspaceId, site.WebsiteId, analyticsEvent, hash);
        }
        if (batch.Events.Count > 0)
            await partitions.EnsureAsync(connection, batch.Months, cancellationToken);
        return batch;
    }

    /// <summary>The distinct slugs of the page views; a run of views of one site costs a string comparison each.</summary>
    private static HashSet<string> SlugsOf(IReadOnlyList<AnalyticsEvent> events)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Slug is { } slug && !string.Equals(slug, previous, StringComparison.Ordinal))
            {
                slugs.Add(slug);
                previous = slug;
            }
        }
        return slugs;
    }

    /// <summary>Returns how many events were stored.</summary>
    internal async Task<int> WriteAsync(AnalyticsBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Events.Count == 0)
            return 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(connection, batch, cancellationToken);
                return batch.Events.Count;
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

    private static async Task WriteOnceAsync(NpgsqlConnection connection, AnalyticsBatch batch, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyEventsAsync(connection, batch.Events, cancellationToken);
        await using var store = new NpgsqlCommand(AnalyticsRollupSql.StoreRollups, connection, transaction);
        AnalyticsRollupParameters.Add(store.Parameters, batch);
        await store.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyEventsAsync(NpgsqlConnection connection, List<AnalyticsBatchEvent> events, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginRawBinaryCopyAsync(AnalyticsRollupSql.CopyEvents, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(CopyChunkBytes + 4096);
        AnalyticsCopyFormat.WriteHeader(buffer);
        for (var i = 0; i < events.Count; i++)
        {
            AnalyticsCopyFormat.WriteRow(buffer, events[i]);
            if (buffer.WrittenCount >= CopyChunkBytes)
            {
                await copy.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
                await Task.Yield();
            }
        }
        AnalyticsCopyFormat.WriteTrailer(buffer);
        await copy.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }
}
