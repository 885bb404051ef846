using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IaGenify.Benchmarks;

/// <summary>Runs wrk (apt-get install wrk) and reads requests/s and latency percentiles from its report.</summary>
internal static partial class Wrk
{
    public sealed record Result(string Name, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long Requests,
        double AppCpuMsPerRequest = 0, double DatabaseCpuMsPerRequest = 0)
    {
        public override string ToString() =>
            $"| {Name} | {RequestsPerSecond:N0} | {P50Ms:F2} | {P99Ms:F2} | {Errors} | {AppCpuMsPerRequest:F3} | {DatabaseCpuMsPerRequest:F3} |";
    }

    /// <summary>Runs wrk and charges the CPU time the server process and PostgreSQL used meanwhile to its requests.</summary>
    public static async Task<Result> MeasureAsync(string name, string url, int connections, TimeSpan duration, int serverPid, string? bearer = null,
        IReadOnlyList<string>? headers = null)
    {
        var (app, database) = (CpuTime.OfProcess(serverPid), CpuTime.OfPostgres());
        var result = await RunAsync(name, url, connections, duration, bearer, headers);
        return result with
        {
            AppCpuMsPerRequest = (CpuTime.OfProcess(serverPid) - app) * 1000 / result.Requests,
            DatabaseCpuMsPerRequest = (CpuTime.OfPostgres() - database) * 1000 / result.Requests,
        };
    }

    /// <param name="headers">Extra request headers, each "Name: value".</param>
    public static async Task<Result> RunAsync(string name, string url, int connections, TimeSpan duration, string? bearer = null,
        IReadOnlyList<string>? headers = null)
    {
        var arguments = new List<string> { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
        if (bearer is not null)
            arguments.AddRange(["-H", $"Authorization: Bearer {bearer}"]);
        foreach (var header in headers ?? [])
            arguments.AddRange(["-H", header]);
        arguments.Add(url);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; apt-get install wrk.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");

        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result(name,
            double.Parse(Throughput().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"), errors,
            long.Parse(TotalRequests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
