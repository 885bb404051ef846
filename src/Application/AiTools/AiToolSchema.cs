using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.AiTools;

/// <summary>
/// A tool's input schema, generated from its request record: every constructor parameter but the workspace id
/// (the session decides it, never the model), described from the XML docs, required when it is neither nullable nor
/// defaulted. Commands also take an optional idempotency key. Paging limits default as in the REST API.
/// </summary>
internal static class AiToolSchema
{
    public const string WorkspaceIdArgument = "workspaceId";
    public const string IdempotencyKeyArgument = "idempotencyKey";
    public const string LimitArgument = "limit";

    private static readonly NullabilityInfoContext Nullability = new();

    public static JsonElement For(Type requestType, bool isCommand, AiToolDocs docs)
    {
        var schema = AiToolJson.Options.GetJsonSchemaAsNode(requestType,
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var properties = schema["properties"] as JsonObject ?? [];
        properties.Remove(WorkspaceIdArgument);

        var descriptions = docs.ParametersOf(requestType);
        var required = new JsonArray();
        foreach (var parameter in Constructor(requestType)?.GetParameters() ?? [])
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (name == WorkspaceIdArgument || properties[name] is not JsonObject property)
                continue;
            if (descriptions.TryGetValue(parameter.Name!, out var description) && description.Length > 0)
                property["description"] = description;
            else if (DefaultDescription(name) is { } fallback)
                property["description"] = fallback;
            if (name == LimitArgument)
                property["description"] = $"How many items to return (default {(parameter.HasDefaultValue ? parameter.DefaultValue : Cursor.DefaultLimit)}).";
            else if (!parameter.HasDefaultValue && Nullability.Create(parameter).WriteState != NullabilityState.Nullable)
                required.Add(name);
        }
        if (isCommand && properties[IdempotencyKeyArgument] is null)
            properties[IdempotencyKeyArgument] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Optional: a unique string; a retry with the same key runs the call once.",
            };
        else if (properties[IdempotencyKeyArgument] is JsonObject key && !descriptions.ContainsKey(IdempotencyKeyArgument))
            key["description"] = "Optional: a unique string; a retry with the same key and arguments runs the call once and charges once.";

        var result = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties.DeepClone(),
            ["additionalProperties"] = false,
        };
        if (required.Count > 0)
            result["required"] = required;
        return JsonSerializer.SerializeToElement(result);
    }

    internal static ConstructorInfo? Constructor(Type requestType) =>
        requestType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();

    private static string? DefaultDescription(string name) => name switch
    {
        "cursor" => "Opaque cursor from the previous page's nextCursor; omit for the first page.",
        _ when name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2
            => $"Id of the {name[..^2]} (a UUID, as returned by the list and get tools).",
        _ => null,
    };
}
