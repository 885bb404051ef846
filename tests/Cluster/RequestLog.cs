using System.Collections.Concurrent;

namespace IaGenify.Cluster;

/// <summary>
/// One request as the client saw it: times in Unix milliseconds, the status (0 when no response came back: refused,
/// reset or timed out) and whether that status was one the scenario expects for that call.
/// </summary>
internal readonly record struct RequestRecord(string Route, long StartedMs, long EndedMs, int Status, bool Expected);

/// <summary>Every request the scenario made, for the checks at the end.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _records = new();

    public int Count => _records.Count;

    public IReadOnlyList<RequestRecord> All => _records.ToArray();

    public void Add(RequestRecord record) => _records.Enqueue(record);

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
