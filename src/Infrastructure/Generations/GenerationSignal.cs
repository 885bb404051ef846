using Microsoft.Extensions.Logging;
using Npgsql;

namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// Wakes idle workers when a job is queued. A database trigger sends <c>NOTIFY generation_queued</c> whenever a row
/// becomes queued (at commit); one listening connection per process turns that into a pulse. Workers take the
/// pulse's task before they look at the queue, so a notification arriving in between is not missed. Polling
/// (<c>Generations:PollInterval</c>) remains the fallback while the connection is down.
/// </summary>
public sealed class GenerationSignal(NpgsqlDataSource dataSource, ILogger<GenerationSignal> logger) : IAsyncDisposable
{
    public const string Channel = "generation_queued";

    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listener;

    /// <summary>Completes at the next notification.</summary>
    public Task NextPulse
    {
        get
        {
            lock (_gate)
                return _pulse.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _pulse;
            _pulse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        fired.TrySetResult();
    }

    /// <summary>Starts the listening connection once; later calls do nothing.</summary>
    public void EnsureListening()
    {
        lock (_gate)
            _listener ??= Task.Run(() => ListenAsync(_stop.Token));
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, _) => Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                // Jobs queued while we were not listening are found by the first look after this pulse.
                Pulse();
                while (!stopping.IsCancellationRequested)
                    await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The generation queue listener lost its connection; workers poll until it is back");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listener is not null)
        {
            try
            {
                await _listener;
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected way out.
            }
        }
        _stop.Dispose();
    }
}
