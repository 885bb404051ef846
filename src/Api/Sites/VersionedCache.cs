using System.Collections.Concurrent;
using IaGenify.Application.Websites.Publishing;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Sites;

/// <summary>
/// An in-process cache whose entries are good only for the <see cref="SiteContentVersion"/> they were built at. The
/// version is read before the value is built, so a value built from data older than a change is never kept as new.
/// </summary>
internal sealed class VersionedCache<TKey, TValue>(SiteContentVersion version, IOptionsMonitor<SiteCacheOptions> options)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Version)> _entries = new();

    /// <summary>The value built at the current version, if there is one; never builds.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version.Current)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public async ValueTask<TValue> GetOrBuildAsync(TKey key, Func<Task<TValue>> build)
    {
        var current = version.Current;
        if (_entries.TryGetValue(key, out var entry) && entry.Version == current)
            return entry.Value;
        var value = await build();
        var capacity = options.CurrentValue.MaxEntries;
        if (capacity <= 0)
            return value;
        if (_entries.Count >= capacity)
            _entries.Clear();
        _entries[key] = (value, current);
        return value;
    }
}
