using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class GallerySectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Gallery;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
        html.Append("<div class=\"grid\">");
        foreach (var image in Items(p, "images"))
        {
            html.Append("<figure>");
            Image(html, image, "assetId", context.Links, Text(image, "caption"));
            if (Text(image, "caption") is { } caption)
                html.Append("<figcaption>").Append(E(caption)).Append("</figcaption>");
            html.Append("</figure>");
        }
        html.Append("</div>");
    }
}
