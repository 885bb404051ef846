using System.Diagnostics;

namespace IaGenify.Benchmarks;

/// <summary>Runs callers concurrently for a fixed time and keeps every operation's latency.</summary>
internal static class Measurement
{
    public sealed record Result(string Name, int Callers, long Operations, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;

        public override string ToString() =>
            $"| {Name} | {Callers} | {Operations:N0} | {PerSecond:N0} | {P50Ms:F2} | {P99Ms:F2} |";
    }

    public static async Task<Result> RunAsync(string name, int callers, TimeSpan duration, Func<int, long, Task> operation)
    {
        var latencies = new List<double>[callers];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(capacity: 100_000);
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(caller, i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, callers, all.Length, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
