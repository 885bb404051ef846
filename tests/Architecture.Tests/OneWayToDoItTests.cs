using System.Text.RegularExpressions;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Hosting;

namespace IaGenify.Architecture.Tests;

/// <summary>Recurring things are done one way: the shared helper, not a hand-written copy.</summary>
public sealed partial class OneWayToDoItTests
{
    private static IEnumerable<(string Path, string Text)> Sources(string project) =>
        Directory.EnumerateFiles(Path.Combine(SourceTree.Root(), "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(SourceTree.Root(), f), File.ReadAllText(f)));

    [GeneratedRegex(@"FirstOrDefaultAsync\([^;]*\)\s*\?\?\s*throw new NotFoundException")]
    private static partial Regex HandWrittenLoadOr404();

    [GeneratedRegex(@"\.Principal\s*=\s*Principal\.System")]
    private static partial Regex HandWrittenSystemPrincipal();

    [Fact]
    public void Loading_or_answering_404_goes_through_FirstOrNotFoundAsync()
    {
        var offenders = Sources("Application")
            .Where(s => HandWrittenLoadOr404().IsMatch(s.Text) && !s.Path.EndsWith("RepositoryExtensions.cs", StringComparison.Ordinal))
            .Select(s => s.Path);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Only_SystemScope_makes_a_scope_act_as_the_system()
    {
        var offenders = new[] { "Application", "Infrastructure", "Api", "Cli" }.SelectMany(Sources)
            .Where(s => HandWrittenSystemPrincipal().IsMatch(s.Text) && !s.Path.EndsWith("SystemScope.cs", StringComparison.Ordinal))
            .Select(s => s.Path);
        Assert.Empty(offenders);
    }

    /// <summary>Hosted services that are not loops of runs: they consume an in-process channel as items arrive.</summary>
    private static readonly HashSet<string> ChannelConsumers = ["IaGenify.Infrastructure.Analytics.AnalyticsWriter"];

    [Fact]
    public void Every_background_loop_runs_on_PeriodicWorker()
    {
        var offenders = new[] { Assemblies.Application, Assemblies.Infrastructure, Assemblies.Api }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(BackgroundService).IsAssignableFrom(t))
            .Where(t => !typeof(PeriodicWorker).IsAssignableFrom(t) && !ChannelConsumers.Contains(t.FullName!))
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }
}
