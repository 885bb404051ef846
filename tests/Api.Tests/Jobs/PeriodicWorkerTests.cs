using IaGenify.Api.Tests.Observability;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace IaGenify.Api.Tests.Jobs;

public sealed class PeriodicWorkerTests
{
    /// <summary>Fails its first runs, then asks to run again at once a few times, then stops the loop.</summary>
    private sealed class ScriptedWorker(ILogger logger, int failures, int busyRuns, CancellationTokenSource stop) : PeriodicWorker(logger)
    {
        public int Runs { get; private set; }
        public int Waits { get; private set; }

        protected override bool Enabled => true;
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(10);
        protected override bool RunAtStart => true;

        protected override Task WaitAsync(CancellationToken cancellationToken)
        {
            Waits++;
            return base.WaitAsync(cancellationToken);
        }

        protected override bool MoreDue => Runs <= failures + busyRuns;

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            Runs++;
            if (Runs <= failures)
                throw new InvalidOperationException("secret payload text");
            if (Runs > failures + busyRuns)
                await stop.CancelAsync();
        }
    }

    [Fact]
    public async Task Failures_are_logged_by_type_with_backoff_then_recovery_and_busy_runs_do_not_wait()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var worker = new ScriptedWorker(factory.CreateLogger("test"), failures: 2, busyRuns: 3, stop);

        await worker.RunLoopAsync(stop.Token);

        Assert.Equal(6, worker.Runs);
        Assert.Equal(0, worker.Waits);
        var lines = logs.Lines.Select(l => l.Message).ToList();
        Assert.Contains(lines, l => l.Contains("ScriptedWorker run failed with InvalidOperationException (1 in a row)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(2 in a row)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ScriptedWorker recovered after 2 failed run(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret payload", StringComparison.Ordinal));
    }
}
