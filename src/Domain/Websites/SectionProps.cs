using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>
/// The validated properties of one section, as a JSON object in canonical form: known fields only, texts trimmed,
/// empty optional values left out. It can only be made by <see cref="TryCreate"/>, so a section never holds props
/// that do not fit its type.
/// </summary>
public sealed class SectionProps
{
    private SectionProps(SectionType type, string json)
    {
        Type = type;
        Json = json;
    }

    public SectionType Type { get; }
    public string Json { get; }

    /// <summary>Asset ids the props refer to, for access checks and for serving a published site's images.</summary>
    public IReadOnlyList<Guid> AssetIds => AssetIdsIn(Type, Json);

    /// <summary>
    /// Validates <paramref name="props"/> against <paramref name="type"/>. Errors are keyed by the JSON path below the
    /// props object (<c>items[0].title</c>). A JSON null counts as absent, so a model may send null for optional fields.
    /// </summary>
    public static bool TryCreate(SectionType type, JsonElement props, out SectionProps? result, out IReadOnlyDictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        var normalized = ReadObject(props, SectionCatalog.FieldsOf(type), "", found);
        errors = found;
        result = found.Count == 0 ? new SectionProps(type, normalized!.ToJsonString()) : null;
        return result is not null;
    }

    /// <summary>Props already stored in canonical form (loaded from the database or a published revision).</summary>
    public static SectionProps FromStored(SectionType type, string json) => new(type, json);

    public static bool IsValidLink(string value)
    {
        if (value.Length > SectionCatalog.MaxLinkLength || value.Any(char.IsControl) || value.Contains(' '))
            return false;
        if (value.StartsWith('#') || (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)))
            return true;
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            return value.Length > value.IndexOf(':') + 1;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
    }

    private static JsonObject? ReadObject(JsonElement element, IReadOnlyList<PropField> fields, string path, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(errors, path == "" ? "props" : path, "Must be an object.");
            return null;
        }
        var known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
            Add(errors, Join(path, property.Name), "Unknown property for this section type.");

        var result = new JsonObject();
        foreach (var field in fields)
        {
            var fieldPath = Join(path, field.Name);
            var present = element.TryGetProperty(field.Name, out var value) && value.ValueKind != JsonValueKind.Null;
            var node = present ? ReadField(value, field, fieldPath, errors) : null;
            if (node is not null)
                result[field.Name] = node;
            else if (field.Required && !errors.ContainsKey(fieldPath))
                Add(errors, fieldPath, "Is required.");
        }
        return result;
    }

    private static JsonNode? ReadField(JsonElement value, PropField field, string path, Dictionary<string, string[]> errors)
    {
        switch (field.Kind)
        {
            case PropFieldKind.Text:
                return ReadText(value, field.MaxLength, path, errors) is { } text ? JsonValue.Create(text) : null;
            case PropFieldKind.Link:
                var link = ReadText(value, field.MaxLength, path, errors);
                if (link is not null && !IsValidLink(link))
                {
                    Add(errors, path, "Must be a site path (/about), an anchor (#contact), an http(s) URL, mailto: or tel:.");
                    return null;
                }
                return link is null ? null : JsonValue.Create(link);
            case PropFieldKind.Asset:
                var id = ReadText(value, 36, path, errors);
                if (id is not null && !Guid.TryParse(id, out _))
                {
                    Add(errors, path, "Must be an asset id.");
                    return null;
                }
                return id is null ? null : JsonValue.Create(Guid.Parse(id).ToString());
            case PropFieldKind.TextList:
                return ReadArray(value, field, path, errors, (item, itemPath) =>
                    ReadText(item, field.MaxLength, itemPath, errors) is { } text ? JsonValue.Create(text) : null);
            case PropFieldKind.List:
                return ReadArray(value, field, path, errors, (item, itemPath) => ReadObject(item, field.Items!, itemPath, errors));
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind.");
        }
    }

    private static JsonArray? ReadArray(JsonElement value, PropField field, string path, Dictionary<string, string[]> errors,
        Func<JsonElement, string, JsonNode?> readItem)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(errors, path, "Must be a list.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count < field.MinItems || count > field.MaxItems)
        {
            Add(errors, path, field.MinItems > 0
                ? $"Must have between {field.MinItems} and {field.MaxItems} items."
                : $"Must have at most {field.MaxItems} items.");
            return null;
        }
        var array = new JsonArray();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (readItem(item, $"{path}[{index++}]") is { } node)
                array.Add(node);
        }
        return array;
    }

    private static string? ReadText(JsonElement value, int maxLength, string path, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(errors, path, "Must be a string.");
            return null;
        }
        if (ReadableText(value) is not { } raw)
        {
            Add(errors, path, "Must be valid Unicode text without NUL characters.");
            return null;
        }
        var text = raw.Trim();
        if (text.Length > maxLength)
        {
            Add(errors, path, $"Must have at most {maxLength} characters.");
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The string, or null when it cannot be stored or read back: NUL (PostgreSQL refuses it) or a lone UTF-16
    /// surrogate (JSON readers throw on it), whether it came from a client or from a model's output.
    /// </summary>
    private static string? ReadableText(JsonElement value)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        return StorableText.IsStorable(text) ? text : null;
    }

    private static IReadOnlyList<Guid> AssetIdsIn(SectionType type, string json)
    {
        using var document = JsonDocument.Parse(json);
        var ids = new List<Guid>();
        Collect(document.RootElement, SectionCatalog.FieldsOf(type), ids);
        return ids.Distinct().ToList();
    }

    private static void Collect(JsonElement element, IReadOnlyList<PropField> fields, List<Guid> ids)
    {
        foreach (var field in fields)
        {
            if (!element.TryGetProperty(field.Name, out var value))
                continue;
            if (field.Kind == PropFieldKind.Asset && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
                ids.Add(id);
            else if (field.Kind == PropFieldKind.List && value.ValueKind == JsonValueKind.Array)
                foreach (var item in value.EnumerateArray())
                    Collect(item, field.Items!, ids);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Add(Dictionary<string, string[]> errors, string path, string message) =>
        errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];
}
