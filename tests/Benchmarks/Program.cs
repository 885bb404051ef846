using IaGenify.Benchmarks;

// Usage: dotnet run -c Release --project tests/Benchmarks -- [credits] [--seconds N] [--callers N]
// Needs IAGENIFY_TEST_PG (scripts/test.sh's server, e.g. "Host=127.0.0.1;Port=55432;Username=postgres").
var server = Environment.GetEnvironmentVariable("IAGENIFY_TEST_PG")
    ?? "Host=127.0.0.1;Port=55432;Username=postgres";
var seconds = Option("--seconds", 10);
var callers = Option("--callers", 32);
var scenarios = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).ToHashSet();
if (scenarios.Count == 0)
    scenarios.Add("credits");

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
await using var host = await BenchmarkHost.StartAsync(server);

if (scenarios.Contains("credits"))
{
    var results = await CreditBenchmark.RunAsync(host.Services, callers, TimeSpan.FromSeconds(seconds));
    Console.WriteLine();
    Console.WriteLine("| scenario | callers | pairs | pairs/s | p50 ms | p99 ms |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var result in results)
        Console.WriteLine(result);
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
