using System.Text;
using System.Text.Json;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class PricingSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Pricing;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
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
            Button(html, plan, "ctaLabel", "ctaHref", context.Links);
            html.Append("</article>");
        }
        html.Append("</div>");
    }
}
