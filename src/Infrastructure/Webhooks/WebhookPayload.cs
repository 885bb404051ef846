using System.Text.Json;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>The body receivers get: <c>{ "type", "timestamp", "data" }</c>, the same bytes on every attempt.</summary>
internal static class WebhookPayload
{
    public static byte[] Serialize(string type, DateTimeOffset occurredAt, string dataJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("timestamp", occurredAt.ToUniversalTime());
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
