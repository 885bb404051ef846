using IaGenify.Domain.Common;

namespace IaGenify.Domain.Webhooks;

/// <summary>
/// One event on its way to one endpoint: every attempt reuses the event id, so a receiver can drop duplicates.
/// Holds ids, counts and a short status line, never the payload or the response body.
/// </summary>
public sealed class WebhookDelivery : Entity, ITenantOwned
{
    public const int MaxErrorLength = 200;

    private WebhookDelivery()
    {
        EventType = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When the next attempt is due; null once the delivery is finished.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>
    /// The claim of the dispatcher currently sending it. Only the holder of an unexpired lease records the outcome,
    /// so two replicas never both act on one attempt.
    /// </summary>
    public Guid? LeaseId { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static WebhookDelivery Create(Guid workspaceId, Guid endpointId, Guid eventId, string eventType, DateTimeOffset now) => new()
    {
        WorkspaceId = workspaceId,
        EndpointId = endpointId,
        EventId = eventId,
        EventType = eventType,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public bool IsLeasedBy(Guid leaseId) => Status == WebhookDeliveryStatus.Pending && LeaseId == leaseId;

    public void Succeed(int statusCode, DateTimeOffset now)
    {
        RecordAttempt(statusCode, null, now);
        Status = WebhookDeliveryStatus.Succeeded;
        NextAttemptAt = null;
        CompletedAt = now;
    }

    /// <summary>Records a failed attempt: another try at <paramref name="retryAt"/>, or none when it is null.</summary>
    public void Fail(int? statusCode, string error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        RecordAttempt(statusCode, error, now);
        if (retryAt is { } next)
        {
            NextAttemptAt = next;
            return;
        }
        Status = WebhookDeliveryStatus.Failed;
        NextAttemptAt = null;
        CompletedAt = now;
    }

    private void RecordAttempt(int? statusCode, string? error, DateTimeOffset now)
    {
        if (Status != WebhookDeliveryStatus.Pending)
            throw new BusinessRuleException("webhook_delivery.finished", "This delivery is already finished.");
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
        LeaseId = null;
        LeaseExpiresAt = null;
    }
}
