using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Rendering.Sections;

/// <summary>
/// The building blocks every section renderer shares. Every text and attribute value passes through the HTML encoder;
/// links are drawn only when they pass the same check as validation.
/// </summary>
internal static class SectionHtml
{
    // Letters of every script stay readable; markup characters (< > & " ' +) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string text) => Encoder.Encode(text);

    public static void Heading(StringBuilder html, string tag, JsonElement props, string name)
    {
        if (Text(props, name) is { } text)
            html.Append('<').Append(tag).Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
    }

    public static void Paragraph(StringBuilder html, JsonElement props, string name, string? cssClass = null)
    {
        if (Text(props, name) is not { } text)
            return;
        html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>");
    }

    public static void Button(StringBuilder html, JsonElement props, string label, string href, SiteLinks links) =>
        Link(html, Text(props, label), Text(props, href), links, "button");

    public static void Link(StringBuilder html, string? label, string? href, SiteLinks links, string? cssClass)
    {
        if (label is null || href is null || !SectionProps.IsValidLink(href))
            return;
        var external = href.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        html.Append("<a");
        if (cssClass is not null)
            html.Append(" class=\"").Append(cssClass).Append('"');
        html.Append(" href=\"").Append(E(Href(href, links))).Append('"');
        if (external)
            html.Append(" rel=\"noopener noreferrer\"");
        html.Append('>').Append(E(label)).Append("</a>");
    }

    public static void Image(StringBuilder html, JsonElement props, string name, SiteLinks links, string? alt = null)
    {
        if (Text(props, name) is { } id && Guid.TryParse(id, out var assetId))
            html.Append("<img src=\"").Append(E(links.AssetUrl(assetId))).Append("\" alt=\"").Append(E(alt ?? "")).Append("\" loading=\"lazy\">");
    }

    /// <summary>Site paths ("/about", "/#contact") live under the site's base path; anchors and absolute links stay.</summary>
    public static string Href(string href, SiteLinks links) =>
        href.StartsWith('/') ? links.BasePath.TrimEnd('/') + (href == "/" ? "/" : href) : href;

    public static string? Text(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IEnumerable<JsonElement> Items(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];
}
