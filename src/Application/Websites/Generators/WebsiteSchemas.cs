using System.Text.Json.Nodes;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Generators;

/// <summary>
/// JSON schemas the model's answers must follow, derived from <see cref="SectionCatalog"/>. They are written for
/// strict structured output: every property is listed as required and optional ones may be null; asset ids are
/// left out (a model cannot know them).
/// </summary>
public static class WebsiteSchemas
{
    public const int MaxGeneratedPages = 8;
    public const int MaxGeneratedSections = 12;

    public static string Website() => Object(
        ("name", String()),
        ("theme", Theme()),
        ("pages", Array(PageNode(), maxItems: MaxGeneratedPages))).ToJsonString();

    public static string Page() => PageNode().ToJsonString();

    public static string Section(SectionType type) => SectionNode(type).ToJsonString();

    private static JsonObject PageNode() => Object(
        ("path", String()),
        ("title", String()),
        ("description", String(nullable: true)),
        ("sections", Array(new JsonObject { ["anyOf"] = new JsonArray([.. SectionCatalog.Types.Select(t => (JsonNode)SectionNode(t))]) },
            maxItems: MaxGeneratedSections)));

    private static JsonObject SectionNode(SectionType type) => Object(
        ("type", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(SectionCatalog.NameOf(type)) }),
        ("props", Props(SectionCatalog.FieldsOf(type))));

    private static JsonObject Theme() => Object(
        ("primary", Color()),
        ("accent", Color()),
        ("background", Color()),
        ("text", Color()),
        ("font", new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. Enum.GetNames<ThemeFont>().Select(n => (JsonNode)n.ToLowerInvariant())]),
        }));

    private static JsonObject Props(IReadOnlyList<PropField> fields) =>
        Object([.. fields.Where(ForModel).Select(f => (f.Name, Field(f)))]);

    /// <summary>Asset ids, and lists whose items need one, are for people to fill in.</summary>
    private static bool ForModel(PropField field) =>
        field.Kind != PropFieldKind.Asset && !(field.Kind == PropFieldKind.List && field.Items!.Any(i => i.Kind == PropFieldKind.Asset && i.Required));

    private static JsonObject Field(PropField field) => field.Kind switch
    {
        PropFieldKind.Text or PropFieldKind.Link => String(nullable: !field.Required),
        PropFieldKind.TextList => Array(String(), field.MaxItems, nullable: true),
        PropFieldKind.List => Array(Props(field.Items!), field.MaxItems, nullable: !field.Required),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Not a model field."),
    };

    private static JsonObject Color() => new() { ["type"] = "string", ["description"] = "#rrggbb" };

    private static JsonObject String(bool nullable = false) =>
        new() { ["type"] = nullable ? new JsonArray("string", "null") : "string" };

    private static JsonObject Array(JsonObject items, int maxItems, bool nullable = false) => new()
    {
        ["type"] = nullable ? new JsonArray("array", "null") : "array",
        ["items"] = items,
        ["description"] = $"at most {maxItems} items",
    };

    private static JsonObject Object(params (string Name, JsonObject Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Name)]),
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
    };
}
