using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IaGenify.Application.Websites.Rendering;

/// <summary>
/// The contact section's form: a plain HTML form that works without JavaScript (the site has none), posting to the
/// site's contact address. The <c>website</c> field is a honeypot, hidden from people by the <c>hidden</c> attribute
/// (no stylesheet needed) and from assistive technology; bots that fill every field reveal themselves.
/// </summary>
public static class ContactFormHtml
{
    public const string HoneypotField = "website";
    public const string PageField = "page";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Draws the form. <paramref name="idPrefix"/> keeps element ids unique when a page holds several contact sections;
    /// the first form keeps <c>cf</c>.
    /// </summary>
    public static void Append(StringBuilder html, SiteLinks links, string pagePath, string idPrefix = "cf")
    {
        if (links.ContactAction is not { } action)
            return;
        var state = links.ContactForm;
        html.Append("<form class=\"contact-form\" method=\"post\" action=\"").Append(E(action)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(PageField).Append("\" value=\"").Append(E(pagePath)).Append("\">");
        if (state is { Errors.Count: > 0 })
            html.Append("<p class=\"form-errors\" role=\"alert\">Please correct the fields marked below.</p>");
        Field(html, state, idPrefix, "name", "Your name", " name=\"name\" autocomplete=\"name\" required maxlength=\"100\"");
        Field(html, state, idPrefix, "email", "Your email", " name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\"");
        Field(html, state, idPrefix, "phone", "Phone (optional)", " name=\"phone\" type=\"tel\" autocomplete=\"tel\" maxlength=\"40\"");
        Field(html, state, idPrefix, "message", "Message", null);
        html.Append("<div hidden aria-hidden=\"true\"><label for=\"").Append(idPrefix).Append('-').Append(HoneypotField).Append("\">Leave this field empty</label>")
            .Append("<input id=\"").Append(idPrefix).Append('-').Append(HoneypotField).Append("\" name=\"").Append(HoneypotField)
            .Append("\" tabindex=\"-1\" autocomplete=\"off\"></div>")
            .Append("<p><button class=\"button\" type=\"submit\">Send message</button></p></form>");
    }

    private static void Field(StringBuilder html, ContactFormState? state, string idPrefix, string name, string label, string? attributes)
    {
        var value = state?.Values.GetValueOrDefault(name) ?? "";
        var errors = state?.Errors.GetValueOrDefault(name) ?? [];
        html.Append("<p><label for=\"").Append(idPrefix).Append('-').Append(name).Append("\">").Append(E(label)).Append("</label>");
        if (attributes is null)
            html.Append("<textarea id=\"").Append(idPrefix).Append("-message\" name=\"message\" rows=\"6\" required");
        else
            html.Append("<input id=\"").Append(idPrefix).Append('-').Append(name).Append('"').Append(attributes).Append(" value=\"").Append(E(value)).Append('"');
        if (errors.Length > 0)
            html.Append(" aria-invalid=\"true\" aria-describedby=\"").Append(idPrefix).Append('-').Append(name).Append("-error\"");
        html.Append('>');
        if (attributes is null)
            html.Append(E(value)).Append("</textarea>");
        if (errors.Length > 0)
            html.Append("<span class=\"field-error\" id=\"").Append(idPrefix).Append('-').Append(name).Append("-error\">").Append(E(string.Join(" ", errors))).Append("</span>");
        html.Append("</p>");
    }

    private static string E(string text) => Encoder.Encode(text);
}
