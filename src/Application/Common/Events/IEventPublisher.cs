namespace IaGenify.Application.Common.Events;

/// <summary>
/// Publishes a domain event of a workspace (a type from <c>Domain.Events.EventTypes</c>) through the transactional
/// outbox: the event is staged in the current unit of work, so it is stored if and only if the change that caused it
/// commits. A handler calls it before its one <c>SaveChangesAsync</c>; the webhook dispatcher delivers it afterwards.
/// </summary>
public interface IEventPublisher
{
    /// <summary>
    /// Stages the event and returns its id (a version-7 GUID, sent as <c>webhook-id</c>). <paramref name="data"/> is
    /// serialized to a JSON object the way the API writes JSON (camelCase, enums as strings); it must hold ids and
    /// facts the workspace may see, never secrets. <paramref name="targetEndpointId"/> limits delivery to one endpoint.
    /// </summary>
    Guid Publish(Guid workspaceId, string eventType, object data, Guid? targetEndpointId = null);
}
