using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class FaqSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Faq;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
        foreach (var item in Items(p, "items"))
        {
            html.Append("<details><summary>").Append(E(Text(item, "question") ?? "")).Append("</summary>");
            Paragraph(html, item, "answer");
            html.Append("</details>");
        }
    }
}
