using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Rendering;

/// <summary>
/// Renders one page of a site to a complete HTML5 document. Every text and attribute value passes through the HTML
/// encoder (a prompt or an edit containing <c>&lt;script&gt;</c> renders as text), links are limited to safe schemes
/// by validation and rewritten under the site's base path, and the only style is the inline stylesheet whose hash
/// the Content-Security-Policy allows: no script can run.
/// </summary>
public static class SiteRenderer
{
    // Letters of every script stay readable; markup characters (< > & " ' +) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedPage Render(SiteModel site, string requestPath, SiteLinks links)
    {
        var path = SitePaths.NormalizeRequestPath(requestPath);
        var page = site.Pages.FirstOrDefault(p => p.Path == path) ?? throw new NotFoundException("Page");
        var css = SiteStyles.For(site.Theme);
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(page.Path == "/" ? site.Name : $"{page.Title} – {site.Name}")).Append("</title>\n");
        if (page.Description is { } description)
            html.Append("<meta name=\"description\" content=\"").Append(E(description)).Append("\">\n");
        html.Append("<style>").Append(css).Append("</style>\n</head>\n<body>\n");
        Header(html, site, page, links);
        html.Append("<main>\n");
        var first = true;
        foreach (var section in page.Sections.Where(s => s.Type != SectionType.Footer))
        {
            Section(html, section, links, first, page.Path);
            first = false;
        }
        html.Append("</main>\n");
        foreach (var footer in page.Sections.Where(s => s.Type == SectionType.Footer))
            Footer(html, footer.Props, links);
        html.Append("</body>\n</html>\n");

        var policy = $"default-src 'none'; style-src '{SiteStyles.Hash(css)}'; img-src 'self'; base-uri 'none'; form-action 'self'";
        return new RenderedPage(html.ToString(), policy);
    }

    private static string E(string text) => Encoder.Encode(text);

    private static void Header(StringBuilder html, SiteModel site, SitePage current, SiteLinks links)
    {
        html.Append("<header class=\"site-header\"><div class=\"wrap\"><a class=\"brand\" href=\"").Append(E(Href("/", links))).Append("\">")
            .Append(E(site.Name)).Append("</a>");
        if (site.Pages.Count > 1)
        {
            html.Append("<nav aria-label=\"Main\"><ul>");
            foreach (var page in site.Pages)
            {
                html.Append("<li><a href=\"").Append(E(Href(page.Path, links))).Append('"');
                if (page.Path == current.Path)
                    html.Append(" aria-current=\"page\"");
                html.Append('>').Append(E(page.Title)).Append("</a></li>");
            }
            html.Append("</ul></nav>");
        }
        html.Append("</div></header>\n");
    }

    private static void Section(StringBuilder html, SiteSection section, SiteLinks links, bool first, string pagePath)
    {
        var p = section.Props;
        var heading = first ? "h1" : "h2";
        html.Append("<section class=\"").Append(SectionCatalog.NameOf(section.Type)).Append("\" id=\"s-").Append(section.Id.ToString("N")[..8])
            .Append("\"><div class=\"wrap\">");
        switch (section.Type)
        {
            case SectionType.Hero:
                html.Append("<div class=\"split\"><div>");
                Heading(html, first ? "h1" : "h2", p, "heading");
                Paragraph(html, p, "subheading", "lead");
                Button(html, p, "ctaLabel", "ctaHref", links);
                html.Append("</div>");
                Image(html, p, "imageAssetId", links);
                html.Append("</div>");
                break;
            case SectionType.Features:
                Heading(html, heading, p, "heading");
                Paragraph(html, p, "intro");
                html.Append("<div class=\"grid\">");
                foreach (var item in Items(p, "items"))
                {
                    html.Append("<article class=\"card\">");
                    Heading(html, "h3", item, "title");
                    Paragraph(html, item, "text");
                    html.Append("</article>");
                }
                html.Append("</div>");
                break;
            case SectionType.About:
                html.Append("<div class=\"split\"><div>");
                Heading(html, heading, p, "heading");
                foreach (var paragraph in (Text(p, "body") ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    html.Append("<p>").Append(E(paragraph)).Append("</p>");
                html.Append("</div>");
                Image(html, p, "imageAssetId", links);
                html.Append("</div>");
                break;
            case SectionType.Testimonials:
                Heading(html, heading, p, "heading");
                html.Append("<div class=\"grid\">");
                foreach (var item in Items(p, "items"))
                {
                    html.Append("<figure class=\"card\"><blockquote>").Append(E(Text(item, "quote") ?? "")).Append("</blockquote><figcaption>")
                        .Append(E(Text(item, "author") ?? ""));
                    if (Text(item, "role") is { } role)
                        html.Append(", ").Append(E(role));
                    html.Append("</figcaption></figure>");
                }
                html.Append("</div>");
                break;
            case SectionType.Pricing:
                Heading(html, heading, p, "heading");
                html.Append("<div class=\"grid\">");
                foreach (var plan in Items(p, "plans"))
                {
                    html.Append("<article class=\"card\">");
                    Heading(html, "h3", plan, "name");
                    Paragraph(html, plan, "price", "price");
                    Paragraph(html, plan, "description");
                    var features = plan.TryGetProperty("features", out var list) && list.ValueKind == JsonValueKind.Array
                        ? list.EnumerateArray().Select(f => f.GetString()).OfType<string>().ToList()
                        : [];
                    if (features.Count > 0)
                        html.Append("<ul>").AppendJoin("", features.Select(f => $"<li>{E(f)}</li>")).Append("</ul>");
                    Button(html, plan, "ctaLabel", "ctaHref", links);
                    html.Append("</article>");
                }
                html.Append("</div>");
                break;
            case SectionType.Faq:
                Heading(html, heading, p, "heading");
                foreach (var item in Items(p, "items"))
                {
                    html.Append("<details><summary>").Append(E(Text(item, "question") ?? "")).Append("</summary>");
                    Paragraph(html, item, "answer");
                    html.Append("</details>");
                }
                break;
            case SectionType.Gallery:
                Heading(html, heading, p, "heading");
                html.Append("<div class=\"grid\">");
                foreach (var image in Items(p, "images"))
                {
                    html.Append("<figure>");
                    Image(html, image, "assetId", links, Text(image, "caption"));
                    if (Text(image, "caption") is { } caption)
                        html.Append("<figcaption>").Append(E(caption)).Append("</figcaption>");
                    html.Append("</figure>");
                }
                html.Append("</div>");
                break;
            case SectionType.Contact:
                Heading(html, heading, p, "heading");
                Paragraph(html, p, "body");
                html.Append("<ul class=\"contact-list\">");
                if (Text(p, "email") is { } email)
                    html.Append("<li><a href=\"mailto:").Append(E(Uri.EscapeDataString(email).Replace("%40", "@"))).Append("\">").Append(E(email)).Append("</a></li>");
                if (Text(p, "phone") is { } phone)
                    html.Append("<li><a href=\"tel:").Append(E(new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()))).Append("\">")
                        .Append(E(phone)).Append("</a></li>");
                if (Text(p, "address") is { } address)
                    html.Append("<li>").Append(E(address)).Append("</li>");
                html.Append("</ul>");
                ContactFormHtml.Append(html, links, pagePath);
                break;
            case SectionType.Cta:
                Heading(html, heading, p, "heading");
                Paragraph(html, p, "body");
                Button(html, p, "buttonLabel", "buttonHref", links);
                break;
        }
        html.Append("</div></section>\n");
    }

    private static void Footer(StringBuilder html, JsonElement p, SiteLinks links)
    {
        html.Append("<footer class=\"site-footer\"><div class=\"wrap\">");
        Paragraph(html, p, "text");
        var items = Items(p, "links").ToList();
        if (items.Count > 0)
        {
            html.Append("<ul>");
            foreach (var link in items)
            {
                html.Append("<li>");
                Link(html, Text(link, "label"), Text(link, "href"), links, cssClass: null);
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("</div></footer>\n");
    }

    private static void Heading(StringBuilder html, string tag, JsonElement props, string name)
    {
        if (Text(props, name) is { } text)
            html.Append('<').Append(tag).Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
    }

    private static void Paragraph(StringBuilder html, JsonElement props, string name, string? cssClass = null)
    {
        if (Text(props, name) is not { } text)
            return;
        html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>");
    }

    private static void Button(StringBuilder html, JsonElement props, string label, string href, SiteLinks links) =>
        Link(html, Text(props, label), Text(props, href), links, "button");

    private static void Link(StringBuilder html, string? label, string? href, SiteLinks links, string? cssClass)
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

    private static void Image(StringBuilder html, JsonElement props, string name, SiteLinks links, string? alt = null)
    {
        if (Text(props, name) is { } id && Guid.TryParse(id, out var assetId))
            html.Append("<img src=\"").Append(E(links.AssetUrl(assetId))).Append("\" alt=\"").Append(E(alt ?? "")).Append("\" loading=\"lazy\">");
    }

    /// <summary>Site paths ("/about", "/#contact") live under the site's base path; anchors and absolute links stay.</summary>
    private static string Href(string href, SiteLinks links) =>
        href.StartsWith('/') ? links.BasePath.TrimEnd('/') + (href == "/" ? "/" : href) : href;

    private static string? Text(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<JsonElement> Items(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];
}
