using System.Security.Cryptography;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Webhooks.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Makes one attempt of a claimed delivery: reads what to send, posts it outside any transaction, then records the
/// outcome under row locks (delivery, then endpoint) if the lease is still this dispatcher's.
/// </summary>
internal sealed partial class WebhookDeliveryProcessor(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookRetryPolicy retryPolicy,
    IWebhookSecretProtector protector,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryProcessor> logger)
{
    private static readonly string[] TenantFilter = [AppDbContext.TenantFilter];

    public async Task ProcessAsync(Guid deliveryId, Guid leaseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var attempt = await (
                from d in db.Set<WebhookDelivery>().IgnoreQueryFilters(TenantFilter)
                join e in db.Set<WebhookEndpoint>().IgnoreQueryFilters(TenantFilter) on d.EndpointId equals e.Id
                join o in db.Set<OutboxEvent>().IgnoreQueryFilters(TenantFilter) on d.EventId equals o.Id
                where d.Id == deliveryId && d.LeaseId == leaseId && d.Status == WebhookDeliveryStatus.Pending
                select new Attempt(e.Url, e.ProtectedSecret, d.EventId, o.Type, o.OccurredAt, o.Data))
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (attempt is null)
            return;

        var result = await SendAsync(deliveryId, attempt, cancellationToken);
        await RecordAsync(db, scope.ServiceProvider, deliveryId, leaseId, result, cancellationToken);
    }

    private async Task<DeliveryAttemptResult> SendAsync(Guid deliveryId, Attempt attempt, CancellationToken cancellationToken)
    {
        string secret;
        try
        {
            secret = protector.Unprotect(attempt.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            LogUnreadableSecret(deliveryId);
            return DeliveryAttemptResult.LocalFault("The endpoint's secret cannot be decrypted with the platform key; rotate the secret if this persists.");
        }
        var body = WebhookPayload.Serialize(attempt.EventType, attempt.OccurredAt, attempt.Data);
        return await sender.SendAsync(attempt.Url, attempt.EventId.ToString(), secret, body, clock.GetUtcNow(), cancellationToken);
    }

    private async Task RecordAsync(AppDbContext db, IServiceProvider services, Guid deliveryId, Guid leaseId,
        DeliveryAttemptResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivery = (await db.Set<WebhookDelivery>()
            .FromSql($"SELECT * FROM webhook_deliveries WHERE id = {deliveryId} FOR UPDATE")
            .IgnoreQueryFilters(TenantFilter)
            .ToListAsync(cancellationToken)).SingleOrDefault();
        // Deleted meanwhile, or the lease expired and another dispatcher owns the delivery now.
        if (delivery is null || !delivery.IsLeasedBy(leaseId))
        {
            LogLeaseLost(deliveryId);
            return;
        }
        var endpoint = (await db.Set<WebhookEndpoint>()
            .FromSql($"SELECT *, xmin FROM webhook_endpoints WHERE id = {delivery.EndpointId} FOR UPDATE")
            .IgnoreQueryFilters(TenantFilter)
            .ToListAsync(cancellationToken)).SingleOrDefault();

        var now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            delivery.Succeed(result.StatusCode!.Value, now);
            endpoint?.DeliverySucceeded();
            LogDelivered(delivery.Id, delivery.EventType, delivery.EndpointId, delivery.Attempts);
        }
        else
        {
            var retryAt = retryPolicy.NextAttemptAt(delivery.Attempts + 1, result, now);
            delivery.Fail(result.StatusCode, result.Summary, retryAt, now);
            LogFailed(delivery.Id, delivery.EventType, delivery.EndpointId, delivery.Attempts, result.StatusCode, retryAt is not null);
            if (retryAt is null && endpoint is not null
                && endpoint.DeliveryFailed(options.Value.DisableAfterConsecutiveFailures, now))
            {
                services.GetRequiredService<IAuditLog>().Record(AuditActions.WebhookEndpointDisabled, endpoint.WorkspaceId,
                    "webhook_endpoint", endpoint.Id.ToString(), new Dictionary<string, string>
                    {
                        ["reason"] = "consecutive_failures",
                        ["consecutiveFailures"] = endpoint.ConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
                LogEndpointDisabled(endpoint.Id, endpoint.ConsecutiveFailures);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What one attempt sends: read without locks, before the HTTP call.</summary>
    private sealed record Attempt(string Url, string ProtectedSecret, Guid EventId, string EventType, DateTimeOffset OccurredAt, string Data);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({EventType}) to endpoint {EndpointId} succeeded on attempt {Attempt}")]
    private partial void LogDelivered(Guid deliveryId, string eventType, Guid endpointId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({EventType}) to endpoint {EndpointId} failed on attempt {Attempt} with status {StatusCode}; retry scheduled: {WillRetry}")]
    private partial void LogFailed(Guid deliveryId, string eventType, Guid endpointId, int attempt, int? statusCode, bool willRetry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled after {Failures} failed deliveries in a row")]
    private partial void LogEndpointDisabled(Guid endpointId, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId}: the endpoint secret cannot be decrypted with the configured key")]
    private partial void LogUnreadableSecret(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId}: lease lost or delivery gone; outcome discarded")]
    private partial void LogLeaseLost(Guid deliveryId);
}
