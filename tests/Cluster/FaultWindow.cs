namespace IaGenify.Cluster;

/// <summary>
/// A fault cluster.sh announced (label, start and end in Unix milliseconds): requests overlapping it, with a short
/// grace on both sides for the balancer's health checks to notice, are counted apart.
/// </summary>
internal sealed record FaultWindow(string Label, long StartMs, long EndMs)
{
    private const long GraceMs = 2000;

    public bool Covers(RequestRecord record) => record.EndedMs >= StartMs - GraceMs && record.StartedMs <= EndMs + GraceMs;

    /// <summary>cluster.sh writes <c>faults over</c> once it has injected (and recovered from) every fault.</summary>
    public static bool AllOver(string path) =>
        File.Exists(path) && File.ReadLines(path).Any(line => line.StartsWith("faults over", StringComparison.Ordinal));

    /// <summary>Lines <c>label start|end unix-ms</c>; a fault still under way when read has no end yet and lasts until now.</summary>
    public static IReadOnlyList<FaultWindow> Read(string path)
    {
        if (!File.Exists(path))
            return [];
        var starts = new Dictionary<string, long>();
        var windows = new List<FaultWindow>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !long.TryParse(parts[2], out var at))
                continue;
            if (parts[1] == "start")
                starts[parts[0]] = at;
            else if (parts[1] == "end" && starts.Remove(parts[0], out var start))
                windows.Add(new FaultWindow(parts[0], start, at));
        }
        windows.AddRange(starts.Select(s => new FaultWindow(s.Key, s.Value, RequestLog.Now())));
        return windows;
    }
}
