using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Application.Common.Events;
using IaGenify.Domain.Events;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Infrastructure.Events;

/// <summary>Adds the event to the scope's <see cref="AppDbContext"/>, so it commits with the handler's change.</summary>
internal sealed class OutboxEventPublisher(AppDbContext db, TimeProvider clock) : IEventPublisher
{
    /// <summary>The API's JSON conventions: camelCase names, enums as camelCase strings.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public Guid Publish(Guid workspaceId, string eventType, object data, Guid? targetEndpointId = null)
    {
        var outboxEvent = OutboxEvent.Create(workspaceId, eventType, JsonSerializer.Serialize(data, data.GetType(), Json),
            clock.GetUtcNow(), targetEndpointId);
        db.Set<OutboxEvent>().Add(outboxEvent);
        return outboxEvent.Id;
    }
}
