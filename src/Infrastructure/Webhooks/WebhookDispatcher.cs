using Microsoft.Extensions.Hosting;
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
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxErrorDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
            return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? pause;
            try
            {
                pause = await RunRoundAsync(settings, stoppingToken) ? null : settings.PollInterval;
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be unreachable or not migrated yet: wait longer each time, then try again.
                failures++;
                LogRoundFailed(ex, ex.GetType().Name, failures);
                pause = TimeSpan.FromTicks(Math.Min(settings.PollInterval.Ticks << Math.Min(failures, 20), MaxErrorDelay.Ticks));
            }
            if (pause is { } delay)
            {
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round; true when a batch was full, so that the next round starts at once.</summary>
    private async Task<bool> RunRoundAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch round failed with {ExceptionType} ({Failures} in a row)")]
    private partial void LogRoundFailed(Exception exception, string exceptionType, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be processed ({ExceptionType})")]
    private partial void LogDeliveryFailed(Exception exception, Guid deliveryId, string exceptionType);
}
