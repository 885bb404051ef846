using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class HeroSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Hero;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        html.Append("<div class=\"split\"><div>");
        Heading(html, context.Heading, p, "heading");
        Paragraph(html, p, "subheading", "lead");
        Button(html, p, "ctaLabel", "ctaHref", context.Links);
        html.Append("</div>");
        Image(html, p, "imageAssetId", context.Links);
        html.Append("</div>");
    }
}
