using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Domain.Common;

namespace IaGenify.Api.Json;

/// <summary>
/// Free-form JSON in a body (section props) is kept as a <see cref="JsonElement"/> and read again later, where a lone
/// UTF-16 surrogate (<c>"\ud800"</c>) throws and NUL cannot be stored. Both are refused here, while the body is read,
/// for every string and property name inside the element, so the client gets a 400 naming the field.
/// </summary>
internal sealed class SafeJsonElementConverter : JsonConverter<JsonElement>
{
    public const string BrokenText = "Text must be valid Unicode without NUL characters (no lone surrogates).";

    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        Check(document.RootElement);
        return document.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    private static void Check(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckText(element, static e => e.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Check(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CheckText(property, static p => p.Name);
                    Check(property.Value);
                }
                break;
        }
    }

    private static void CheckText<T>(T value, Func<T, string?> read)
    {
        string? text;
        try
        {
            text = read(value);
        }
        catch (InvalidOperationException)
        {
            throw new JsonException(BrokenText);
        }
        if (text is not null && !StorableText.IsStorable(text))
            throw new JsonException(BrokenText);
    }
}
