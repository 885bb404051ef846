using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class CtaSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Cta;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
        Paragraph(html, p, "body");
        Button(html, p, "buttonLabel", "buttonHref", context.Links);
    }
}
