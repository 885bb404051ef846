using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class AboutSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.About;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        html.Append("<div class=\"split\"><div>");
        Heading(html, context.Heading, p, "heading");
        foreach (var paragraph in (Text(p, "body") ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(E(paragraph)).Append("</p>");
        html.Append("</div>");
        Image(html, p, "imageAssetId", context.Links);
        html.Append("</div>");
    }
}
