using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// One dedicated thread at the lowest CPU priority a process may give itself without privileges (nice 19 on Linux,
/// <see cref="ThreadPriority.Lowest"/> elsewhere), and a synchronization context that brings every continuation of
/// the work started on it back to it. Work run here only gets CPU the rest of the process (and the machine) leaves
/// idle: when requests keep the cores busy, the kernel runs them first.
/// </summary>
internal sealed class LowPriorityThread : SynchronizationContext, IDisposable
{
    private const int PrioProcess = 0;
    private const int LowestNice = 19;
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

    public LowPriorityThread(string name)
    {
        var thread = new Thread(Run) { IsBackground = true, Name = name, Priority = ThreadPriority.Lowest };
        thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on this thread; its awaits resume here unless they opt out.</summary>
    public Task RunAsync(Func<Task> work)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(_ => _ = RunCoreAsync(work, completion), null);
        return completion.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            if (_queue.TryAdd((d, state)))
                return;
        }
        catch (InvalidOperationException)
        {
            // Disposed: adding throws rather than returning false. A continuation still owed (a write that outlived
            // the shutdown timeout) must run somewhere; thrown from an I/O completion it would end the process.
        }
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Work is only posted to the low-priority thread, never waited for.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>The thread ends once what is queued has run; later continuations run on the thread pool.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private static async Task RunCoreAsync(Func<Task> work, TaskCompletionSource completion)
    {
        try
        {
            await work();
            completion.TrySetResult();
        }
        catch (OperationCanceledException ex)
        {
            completion.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            completion.TrySetException(ex);
        }
    }

    private void Run()
    {
        SetSynchronizationContext(this);
        LowerOwnPriority();
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            callback(state);
    }

    // .NET does not apply thread priorities on Linux; a thread is a task there, and its nice value is its own.
    private static void LowerOwnPriority()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = SetPriority(PrioProcess, GetThreadId(), LowestNice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without gettid: the thread keeps the default priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
