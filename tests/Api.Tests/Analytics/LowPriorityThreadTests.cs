using System.Globalization;
using IaGenify.Infrastructure.Analytics;

namespace IaGenify.Api.Tests.Analytics;

/// <summary>The analytics writer's thread: lowest priority, and every continuation of its work comes back to it.</summary>
public sealed class LowPriorityThreadTests
{
    [Fact]
    public async Task Work_and_its_continuations_run_on_one_thread_of_the_lowest_priority()
    {
        using var thread = new LowPriorityThread("test-low-priority");
        var threads = new List<int>();
        var nice = new List<int>();

        await thread.RunAsync(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            nice.Add(OwnNice());
            await Task.Delay(10);
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
            nice.Add(OwnNice());
        });

        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0]);
        if (OperatingSystem.IsLinux())
            Assert.All(nice, value => Assert.Equal(19, value));
    }

    [Fact]
    public async Task A_failure_of_the_work_faults_the_returned_task()
    {
        using var thread = new LowPriorityThread("test-low-priority");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => thread.RunAsync(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("broken batch");
        }));

        Assert.Equal("broken batch", failure.Message);
    }

    [Fact]
    public async Task Cancelled_work_cancels_the_returned_task()
    {
        using var thread = new LowPriorityThread("test-low-priority");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thread.RunAsync(() => Task.Delay(1000, cancellation.Token)));
    }

    [Fact]
    public async Task A_continuation_posted_after_disposal_runs_on_the_thread_pool_instead_of_throwing()
    {
        var thread = new LowPriorityThread("test-low-priority");
        thread.Dispose();
        var ran = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        thread.Post(_ => ran.TrySetResult(Thread.CurrentThread.IsThreadPoolThread), null);

        Assert.True(await ran.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    // Field 19 of /proc/thread-self/stat, counted after the command name (which may hold spaces) ends with ')'.
    private static int OwnNice()
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
