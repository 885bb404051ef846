using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class TestimonialsSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Testimonials;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
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
    }
}
