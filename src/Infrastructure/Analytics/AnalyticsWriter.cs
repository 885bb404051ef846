using System.Diagnostics;
using IaGenify.Application.Analytics;
using IaGenify.Application.Common.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Moves events from the buffer to PostgreSQL in batches: as soon as a batch holds <c>BatchSize</c> events, or
/// <c>FlushInterval</c> after its first event. While the buffer holds a backlog, batches grow up to four times
/// <c>BatchSize</c> (fewer statements per event while behind). A batch is prepared (sites, hashes, reduction) while
/// the previous one is being written, and one batch is written at a time. The loop runs on a
/// <see cref="LowPriorityThread"/> (<c>LowPriorityWriter</c>): storing an event costs about as much CPU, with the
/// database's, as serving the cached page it records, so on cores shared with requests the writer takes only what
/// they leave idle. At shutdown it waits until the web server has stopped (so that the last requests' events are in
/// the buffer) and stores everything left, at normal priority.
/// </summary>
public sealed class AnalyticsWriter(AnalyticsBuffer buffer, AnalyticsBatchStore store, IOptions<AnalyticsOptions> options,
    IaGenifyMetrics metrics, ILogger<AnalyticsWriter> logger) : BackgroundService, IHostedLifecycleService
{
    private const int BacklogFactor = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly int _batchSize = Math.Max(1, options.Value.BatchSize);
    private readonly TimeSpan _flushInterval = options.Value.FlushInterval;
    private readonly LowPriorityThread? _thread = options.Value.LowPriorityWriter ? new LowPriorityThread("analytics-writer") : null;
    // Guards _pending and the hand-over to _writing: the loop and FlushAsync take turns.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<AnalyticsEvent> _pending = [];
    private Task _writing = Task.CompletedTask;
    // One batch is prepared while the other is written; each is cleared and refilled (see AnalyticsBatch).
    private AnalyticsBatch _preparing = new();
    private AnalyticsBatch _written = new();

    private int MaxBatchSize => _batchSize > int.MaxValue / BacklogFactor ? _batchSize : _batchSize * BacklogFactor;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _thread is null ? LoopAsync(stoppingToken) : _thread.RunAsync(() => LoopAsync(stoppingToken));

    public override void Dispose()
    {
        _thread?.Dispose();
        base.Dispose();
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await FillBatchAsync(stoppingToken);
                await HandOverAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What was taken from the buffer is stored now; the rest when the host has stopped.
            await HandOverAsync();
        }
        await _writing;
    }

    /// <summary>Stores every buffered event now (the final flush, and tests that need the data at once).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Take();
                if (_pending.Count == 0)
                    break;
                await HandOverLockedAsync();
            }
            await _writing;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Called once the buffer holds an event: collects until the batch is full or <c>FlushInterval</c> has passed,
    /// looking at the buffer every few milliseconds rather than waking up for each event (which would cost every
    /// page request a hand-off to the thread pool and the writer a turn per event).
    /// </summary>
    private async Task FillBatchAsync(CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await _gate.WaitAsync(stoppingToken);
            try
            {
                Take();
                if (_pending.Count >= _batchSize)
                    return;
            }
            finally
            {
                _gate.Release();
            }
            var remaining = _flushInterval - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero || reader.Completion.IsCompleted)
                return;
            await Task.Delay(remaining < PollInterval ? remaining : PollInterval, stoppingToken);
        }
    }

    /// <summary>Moves buffered events to the pending batch; with a backlog behind a full batch, up to the larger size.</summary>
    private void Take()
    {
        var reader = buffer.Reader;
        var before = _pending.Count;
        while (_pending.Count < _batchSize && reader.TryRead(out var analyticsEvent))
            _pending.Add(analyticsEvent);
        if (reader.CanCount && reader.Count >= _batchSize)
        {
            var max = MaxBatchSize;
            while (_pending.Count < max && reader.TryRead(out var analyticsEvent))
                _pending.Add(analyticsEvent);
        }
        if (_pending.Count > before)
            metrics.AnalyticsEvents("buffered", _pending.Count - before);
    }

    private async Task HandOverAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await HandOverLockedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Prepares the pending batch, waits for the previous write to finish, and starts this one's.</summary>
    private async Task HandOverLockedAsync()
    {
        if (_pending.Count == 0)
            return;
        var batch = _preparing;
        try
        {
            await store.PrepareAsync(_pending, batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Fail(_pending.Count, ex);
            return;
        }
        finally
        {
            // The batch holds copies of the events now; the list is refilled rather than replaced (see AnalyticsBatch).
            _pending.Clear();
        }
        await _writing;
        (_preparing, _written) = (_written, batch);
        _writing = WriteAsync(batch);
    }

    private async Task WriteAsync(AnalyticsBatch batch)
    {
        try
        {
            metrics.AnalyticsEvents("stored", await store.WriteAsync(batch, CancellationToken.None));
        }
        catch (Exception ex)
        {
            Fail(batch.Events.Count, ex);
        }
    }

    // A batch that cannot be written is given up rather than retried forever: analytics must not pile up memory.
    private void Fail(int count, Exception ex)
    {
        metrics.AnalyticsEvents("failed", count);
        logger.LogError("Storing {Count} analytics events failed with {ExceptionType}", count, ex.GetType().Name);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every hosted service, the web server included, has stopped: no request can add events any more.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        buffer.Complete();
        await FlushAsync(CancellationToken.None);
    }
}
