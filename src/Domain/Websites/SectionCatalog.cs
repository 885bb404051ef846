namespace IaGenify.Domain.Websites;

/// <summary>
/// The properties of every section type. One description serves three purposes: validating props (edits and model
/// output), describing the JSON schema the model must follow, and telling the renderer what to draw.
/// </summary>
public static class SectionCatalog
{
    public const int MaxLinkLength = 500;
    private const int Heading = 120;

    private static readonly Dictionary<SectionType, IReadOnlyList<PropField>> Fields = new()
    {
        [SectionType.Hero] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.Text("subheading", 300),
            PropField.Text("ctaLabel", 40),
            PropField.Link("ctaHref"),
            PropField.Asset("imageAssetId"),
        ],
        [SectionType.Features] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.Text("intro", 500),
            PropField.List("items", 1, 12, PropField.Text("title", 80, required: true), PropField.Text("text", 400, required: true)),
        ],
        [SectionType.About] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.Text("body", 3000, required: true),
            PropField.Asset("imageAssetId"),
        ],
        [SectionType.Testimonials] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.List("items", 1, 12, PropField.Text("quote", 600, required: true), PropField.Text("author", 80, required: true),
                PropField.Text("role", 80)),
        ],
        [SectionType.Pricing] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.List("plans", 1, 6, PropField.Text("name", 60, required: true), PropField.Text("price", 40, required: true),
                PropField.Text("description", 300), PropField.TextList("features", 12, 120), PropField.Text("ctaLabel", 40),
                PropField.Link("ctaHref")),
        ],
        [SectionType.Faq] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.List("items", 1, 20, PropField.Text("question", 200, required: true), PropField.Text("answer", 1500, required: true)),
        ],
        [SectionType.Gallery] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.List("images", 0, 24, PropField.Asset("assetId", required: true), PropField.Text("caption", 200)),
        ],
        [SectionType.Contact] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.Text("body", 1000),
            PropField.Text("email", 254),
            PropField.Text("phone", 40),
            PropField.Text("address", 300),
        ],
        [SectionType.Cta] =
        [
            PropField.Text("heading", Heading, required: true),
            PropField.Text("body", 500),
            PropField.Text("buttonLabel", 40, required: true),
            PropField.Link("buttonHref", required: true),
        ],
        [SectionType.Footer] =
        [
            PropField.Text("text", 300, required: true),
            PropField.List("links", 0, 10, PropField.Text("label", 40, required: true), PropField.Link("href", required: true)),
        ],
    };

    public static IReadOnlyList<SectionType> Types { get; } = Enum.GetValues<SectionType>();

    public static IReadOnlyList<PropField> FieldsOf(SectionType type) => Fields[type];

    /// <summary>The camelCase name used in JSON and URLs (<c>hero</c>, <c>cta</c>).</summary>
    public static string NameOf(SectionType type) => char.ToLowerInvariant(type.ToString()[0]) + type.ToString()[1..];

    public static bool TryParse(string? name, out SectionType type)
    {
        foreach (var candidate in Types)
        {
            if (NameOf(candidate) == name)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
