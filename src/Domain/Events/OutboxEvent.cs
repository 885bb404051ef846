using IaGenify.Domain.Common;

namespace IaGenify.Domain.Events;

/// <summary>
/// Something that happened in a workspace, written in the same transaction as the change that caused it and
/// dispatched afterwards (transactional outbox). Its id is the event id receivers see (the <c>webhook-id</c>).
/// </summary>
public sealed class OutboxEvent : Entity, ITenantOwned
{
    private OutboxEvent()
    {
        Type = Data = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public string Type { get; private set; }

    /// <summary>The event's data as a JSON object, serialized when the event is published.</summary>
    public string Data { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Set when the event is meant for one endpoint only (a test event) instead of every subscriber.</summary>
    public Guid? TargetEndpointId { get; private set; }

    /// <summary>When the event was turned into deliveries; null while it waits in the outbox.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public static OutboxEvent Create(Guid workspaceId, string type, string dataJson, DateTimeOffset now,
        Guid? targetEndpointId = null)
    {
        if (workspaceId == Guid.Empty)
            throw new ArgumentException("An event belongs to a workspace.", nameof(workspaceId));
        if (!EventTypes.IsKnown(type))
            throw new ArgumentException($"Unknown event type '{type}'; add it to {nameof(EventTypes)}.", nameof(type));
        if (string.IsNullOrWhiteSpace(dataJson) || dataJson.TrimStart()[0] != '{')
            throw new ArgumentException("Event data must be a JSON object.", nameof(dataJson));
        return new OutboxEvent
        {
            WorkspaceId = workspaceId,
            Type = type,
            Data = dataJson,
            OccurredAt = now,
            TargetEndpointId = targetEndpointId,
        };
    }

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt ??= now;
}
