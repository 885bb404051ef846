using System.Text;
using System.Text.Json;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

/// <summary>The footer section: drawn after the main content as the page's footer element, not as a section.</summary>
internal static class FooterRenderer
{
    public static void Render(StringBuilder html, JsonElement props, SiteLinks links)
    {
        html.Append("<footer class=\"site-footer\"><div class=\"wrap\">");
        Paragraph(html, props, "text");
        var items = Items(props, "links").ToList();
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
}
