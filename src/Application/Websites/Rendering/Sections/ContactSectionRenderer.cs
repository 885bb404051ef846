using System.Text;
using IaGenify.Domain.Websites;
using static IaGenify.Application.Websites.Rendering.Sections.SectionHtml;

namespace IaGenify.Application.Websites.Rendering.Sections;

internal sealed class ContactSectionRenderer : ISectionRenderer
{
    public SectionType Type => SectionType.Contact;

    public void Render(StringBuilder html, SectionContext context)
    {
        var p = context.Props;
        Heading(html, context.Heading, p, "heading");
        Paragraph(html, p, "body");
        html.Append("<ul class=\"contact-list\">");
        if (Text(p, "email") is { } email)
            html.Append("<li><a href=\"mailto:").Append(E(Uri.EscapeDataString(email).Replace("%40", "@"))).Append("\">").Append(E(email)).Append("</a></li>");
        if (Text(p, "phone") is { } phone)
            html.Append("<li><a href=\"tel:").Append(E(new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()))).Append("\">")
                .Append(E(phone)).Append("</a></li>");
        if (Text(p, "address") is { } address)
            html.Append("<li>").Append(E(address)).Append("</li>");
        html.Append("</ul>");
        ContactFormHtml.Append(html, context.Links, context.PagePath, context.Occurrence == 0 ? "cf" : $"cf{context.Occurrence + 1}");
    }
}
