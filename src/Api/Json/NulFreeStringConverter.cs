using System.Text.Json;
using System.Text.Json.Serialization;

namespace IaGenify.Api.Json;

/// <summary>
/// Refuses text containing NUL (U+0000) while the body is read: PostgreSQL cannot store it in text or jsonb, so it
/// would otherwise fail deep in a handler. Writes strings unchanged.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public const string Refusal = "Text must not contain NUL characters.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is not null && value.Contains('\0') ? throw new JsonException(Refusal) : value;
}
