using System.Collections.Concurrent;
using System.Security.Cryptography;
using IaGenify.Domain.Analytics;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// The random salt of each UTC day, kept in PostgreSQL so that every replica hashes a visitor alike. The first
/// replica to need a day's salt creates it (the others read the winner's). A copy is cached in memory only while the
/// database keeps it (48 hours).
/// </summary>
public sealed class AnalyticsSalts(TimeProvider clock)
{
    private readonly ConcurrentDictionary<DateOnly, byte[]> _cache = new();

    public async Task<byte[]> GetAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(day, out var cached))
            return cached;
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO analytics_salts (day, salt, created_at) VALUES ($1, $2, now()) ON CONFLICT (day) DO NOTHING", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = day });
            insert.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(VisitorHash.SaltLength) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = new NpgsqlCommand("SELECT salt FROM analytics_salts WHERE day = $1", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = day });
        var salt = (byte[])(await select.ExecuteScalarAsync(cancellationToken))!;
        Forget(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1));
        _cache[day] = salt;
        return salt;
    }

    /// <summary>Drops cached salts of days before <paramref name="oldestKept"/>, as the database does.</summary>
    public void Forget(DateOnly oldestKept)
    {
        foreach (var day in _cache.Keys)
        {
            if (day < oldestKept)
                _cache.TryRemove(day, out _);
        }
    }
}
