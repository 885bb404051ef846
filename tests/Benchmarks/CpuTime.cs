using System.Globalization;

namespace IaGenify.Benchmarks;

/// <summary>
/// CPU seconds used by processes, read from /proc. CPU per request is a figure that stays meaningful when the
/// machine is shared: throughput depends on what else runs, the work a request costs much less.
/// </summary>
internal static class CpuTime
{
    private const double TicksPerSecond = 100;

    public static double OfProcess(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may contain spaces; fields after its closing parenthesis are space-separated.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public static double OfPostgres() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsPostgres(pid))
            .Sum(pid => Try(() => OfProcess(pid)));

    private static bool IsPostgres(int pid) => Try(() => File.ReadAllText($"/proc/{pid}/comm").StartsWith("postgres", StringComparison.Ordinal) ? 1 : 0) > 0;

    private static double Try(Func<double> read)
    {
        try
        {
            return read();
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
