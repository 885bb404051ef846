namespace IaGenify.Domain.Websites;

public enum PropFieldKind
{
    /// <summary>Plain text, HTML-encoded when rendered.</summary>
    Text,
    /// <summary>A link target: a site path, an anchor, an http(s) URL, <c>mailto:</c> or <c>tel:</c>.</summary>
    Link,
    /// <summary>The id of an asset of the same workspace.</summary>
    Asset,
    /// <summary>A list of objects, each described by <see cref="PropField.Items"/>.</summary>
    List,
    /// <summary>A list of short texts.</summary>
    TextList,
}

/// <summary>One property of a section type: its kind, whether it is required and its limits.</summary>
public sealed record PropField(string Name, PropFieldKind Kind, bool Required, int MaxLength = 0, int MinItems = 0,
    int MaxItems = 0, IReadOnlyList<PropField>? Items = null)
{
    public static PropField Text(string name, int maxLength, bool required = false) => new(name, PropFieldKind.Text, required, maxLength);

    public static PropField Link(string name, bool required = false) => new(name, PropFieldKind.Link, required, SectionCatalog.MaxLinkLength);

    public static PropField Asset(string name, bool required = false) => new(name, PropFieldKind.Asset, required);

    public static PropField List(string name, int minItems, int maxItems, params PropField[] items) =>
        new(name, PropFieldKind.List, minItems > 0, MinItems: minItems, MaxItems: maxItems, Items: items);

    public static PropField TextList(string name, int maxItems, int maxLength) =>
        new(name, PropFieldKind.TextList, false, maxLength, MaxItems: maxItems);
}
