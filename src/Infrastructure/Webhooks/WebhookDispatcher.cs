using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// The background loop: fan out new outbox events, claim due deliveries, attempt them in parallel, repeat; sleep for
/// the poll interval when there was nothing to do. It keeps no state between rounds (everything is in PostgreSQL), so
/// it can run in every API replica or in a separate worker process of the same binary.
/// </summary>
internal sealed partial class WebhookDispatcher(
    WebhookFanOut fanOut,
    WebhookDeliveryClaims claims,
    WebhookDeliveryProcessor processor,
    WebhookRetention retention,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : PeriodicWorker(logger)
{
    private DateTimeOffset _nextRetentionSweep = DateTimeOffset.MinValue;

    protected override bool Enabled => options.Value.DispatcherEnabled;
    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override bool RunAtStart => true;

    private bool _batchWasFull;

    protected override bool MoreDue => _batchWasFull;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        _batchWasFull = await RunRoundAsync(options.Value, cancellationToken);

    /// <summary>One round; true when a batch was full, so that the next round starts at once.</summary>
    private async Task<bool> RunRoundAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() >= _nextRetentionSweep)
        {
            await retention.PurgeAsync(cancellationToken);
            _nextRetentionSweep = clock.GetUtcNow() + settings.RetentionSweepInterval;
        }
        var fannedOut = await fanOut.RunAsync(cancellationToken);
        var leaseId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var claimed = await claims.ClaimAsync(leaseId, now, now + settings.LeaseDuration, settings.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentDeliveries, CancellationToken = cancellationToken },
            async (deliveryId, ct) =>
            {
                try
                {
                    await processor.ProcessAsync(deliveryId, leaseId, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The lease expires and the delivery is attempted again; one bad row must not stop the others.
                    LogDeliveryFailed(ex, deliveryId, ex.GetType().Name);
                }
            });
        return fannedOut == settings.BatchSize || claimed.Count == settings.BatchSize;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be processed ({ExceptionType})")]
    private partial void LogDeliveryFailed(Exception exception, Guid deliveryId, string exceptionType);
}
