using System.Text;
using IaGenify.Application.Websites.Rendering.Sections;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering;

/// <summary>
/// Renders one page of a site to a complete HTML5 document. Every text and attribute value passes through the HTML
/// encoder (a prompt or an edit containing <c>&lt;script&gt;</c> renders as text), links are limited to safe schemes
/// by validation and rewritten under the site's base path, and the only style is the inline stylesheet whose hash
/// the Content-Security-Policy allows: no script can run.
/// </summary>
public static class SiteRenderer
{
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
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<SectionType, int>();
        foreach (var section in page.Sections.Where(s => s.Type != SectionType.Footer))
        {
            var before = seen.GetValueOrDefault(section.Type);
            seen[section.Type] = before + 1;
            var context = new SectionContext(section.Props, links, usedIds.Count == 0 ? "h1" : "h2", page.Path, before);
            Section(html, section, context, usedIds);
        }
        html.Append("</main>\n");
        foreach (var footer in page.Sections.Where(s => s.Type == SectionType.Footer))
            FooterRenderer.Render(html, footer.Props, links);
        html.Append("</body>\n</html>\n");

        var policy = $"default-src 'none'; style-src '{SiteStyles.Hash(css)}'; img-src 'self'; base-uri 'none'; form-action 'self'";
        return new RenderedPage(html.ToString(), policy);
    }

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

    private static void Section(StringBuilder html, SiteSection section, SectionContext context, ISet<string> usedIds)
    {
        html.Append("<section class=\"").Append(SectionCatalog.NameOf(section.Type)).Append("\" id=\"").Append(UniqueId(section, usedIds))
            .Append("\"><div class=\"wrap\">");
        SectionRenderers.For(section.Type)?.Render(html, context);
        html.Append("</div></section>\n");
    }

    /// <summary>
    /// The whole section id, so a section keeps its anchor when sections move (a prefix of a time-ordered id is shared
    /// by every section created in the same millisecond); a repeated id (a hand-built model) gets a counter.
    /// </summary>
    private static string UniqueId(SiteSection section, ISet<string> usedIds)
    {
        var id = $"s-{section.Id:N}";
        for (var n = 2; !usedIds.Add(id); n++)
            id = $"s-{section.Id:N}-{n}";
        return id;
    }
}
