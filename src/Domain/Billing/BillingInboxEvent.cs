using IaGenify.Domain.Common;

namespace IaGenify.Domain.Billing;

/// <summary>
/// One payment-provider event, stored once by its id (the inbox). Holds ids and the outcome only, never the payload.
/// </summary>
public sealed class BillingInboxEvent : Entity
{
    public const int MaxEventIdLength = 255;
    public const int MaxTypeLength = 100;
    public const int MaxOutcomeLength = 60;

    private BillingInboxEvent()
    {
        EventId = string.Empty;
        Type = string.Empty;
    }

    public string EventId { get; private set; }
    public string Type { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public Guid? WorkspaceId { get; private set; }
    public string? Outcome { get; private set; }

    public static BillingInboxEvent Receive(string eventId, string type, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        EventId = Guard.NotBlank(eventId, MaxEventIdLength, nameof(eventId)),
        Type = Guard.NotBlank(type, MaxTypeLength, nameof(type)),
        OccurredAt = occurredAt,
        ReceivedAt = now,
    };

    public void Complete(Guid? workspaceId, string outcome, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        Outcome = Guard.NotBlank(outcome, MaxOutcomeLength, nameof(outcome));
        ProcessedAt = now;
    }
}
