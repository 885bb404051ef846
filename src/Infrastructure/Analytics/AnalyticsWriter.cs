using IaGenify.Application.Analytics;
using IaGenify.Application.Common.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Moves events from the buffer to PostgreSQL in batches: as soon as a batch holds <c>BatchSize</c> events, or
/// <c>FlushInterval</c> after its first event. At shutdown it waits until the web server has stopped (so that the
/// last requests' events are in the buffer) and stores everything left.
/// </summary>
public sealed class AnalyticsWriter(AnalyticsBuffer buffer, AnalyticsBatchStore store, IOptions<AnalyticsOptions> options,
    IaGenifyMetrics metrics, ILogger<AnalyticsWriter> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly int _batchSize = Math.Max(1, options.Value.BatchSize);
    private readonly TimeSpan _flushInterval = options.Value.FlushInterval;
    private readonly List<AnalyticsEvent> _batch = new(Math.Max(1, options.Value.BatchSize));
    private readonly SemaphoreSlim _storing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await FillBatchAsync(stoppingToken);
                await StoreBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What was taken from the buffer is stored now; the rest when the host has stopped.
            await StoreBatchAsync(CancellationToken.None);
        }
    }

    /// <summary>Stores every buffered event now (the final flush, and tests that need the data at once).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _storing.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                while (_batch.Count < _batchSize && buffer.Reader.TryRead(out var analyticsEvent))
                    _batch.Add(analyticsEvent);
                if (_batch.Count == 0)
                    return;
                await StoreLockedAsync(cancellationToken);
            }
        }
        finally
        {
            _storing.Release();
        }
    }

    private async Task FillBatchAsync(CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(_flushInterval);
        while (true)
        {
            await _storing.WaitAsync(stoppingToken);
            try
            {
                while (_batch.Count < _batchSize && reader.TryRead(out var analyticsEvent))
                    _batch.Add(analyticsEvent);
                if (_batch.Count >= _batchSize)
                    return;
            }
            finally
            {
                _storing.Release();
            }
            try
            {
                if (!await reader.WaitToReadAsync(window.Token))
                    return;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StoreBatchAsync(CancellationToken cancellationToken)
    {
        await _storing.WaitAsync(cancellationToken);
        try
        {
            await StoreLockedAsync(cancellationToken);
        }
        finally
        {
            _storing.Release();
        }
    }

    private async Task StoreLockedAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
            return;
        try
        {
            var stored = await store.StoreAsync(_batch, cancellationToken);
            metrics.AnalyticsEvents("stored", stored);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A batch that cannot be written is given up rather than retried forever: analytics must not pile up memory.
            metrics.AnalyticsEvents("failed", _batch.Count);
            logger.LogError("Storing {Count} analytics events failed with {ExceptionType}", _batch.Count, ex.GetType().Name);
        }
        finally
        {
            _batch.Clear();
        }
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
