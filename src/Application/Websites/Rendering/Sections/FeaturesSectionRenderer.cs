using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class FeaturesSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Features;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
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
    }
}
