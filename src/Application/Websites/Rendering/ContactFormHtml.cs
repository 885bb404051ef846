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

    public static void Append(StringBuilder html, SiteLinks links, string pagePath)
    {
        if (links.ContactAction is not { } action)
            return;
        var state = links.ContactForm;
        html.Append("<form class=\"contact-form\" method=\"post\" action=\"").Append(E(action)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(PageField).Append("\" value=\"").Append(E(pagePath)).Append("\">");
        if (state is { Errors.Count: > 0 })
            html.Append("<p class=\"form-errors\" role=\"alert\">Please correct the fields marked below.</p>");
        Field(html, state, "name", "Your name", "<input id=\"cf-name\" name=\"name\" autocomplete=\"name\" required maxlength=\"100\"");
        Field(html, state, "email", "Your email", "<input id=\"cf-email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\"");
        Field(html, state, "phone", "Phone (optional)", "<input id=\"cf-phone\" name=\"phone\" type=\"tel\" autocomplete=\"tel\" maxlength=\"40\"");
        Field(html, state, "message", "Message", null);
        html.Append("<div hidden aria-hidden=\"true\"><label for=\"cf-").Append(HoneypotField).Append("\">Leave this field empty</label>")
            .Append("<input id=\"cf-").Append(HoneypotField).Append("\" name=\"").Append(HoneypotField)
            .Append("\" tabindex=\"-1\" autocomplete=\"off\"></div>")
            .Append("<p><button class=\"button\" type=\"submit\">Send message</button></p></form>");
    }

    private static void Field(StringBuilder html, ContactFormState? state, string name, string label, string? input)
    {
        var value = state?.Values.GetValueOrDefault(name) ?? "";
        var errors = state?.Errors.GetValueOrDefault(name) ?? [];
        html.Append("<p><label for=\"cf-").Append(name).Append("\">").Append(E(label)).Append("</label>");
        if (input is null)
            html.Append("<textarea id=\"cf-message\" name=\"message\" rows=\"6\" required");
        else
            html.Append(input).Append(" value=\"").Append(E(value)).Append('"');
        if (errors.Length > 0)
            html.Append(" aria-invalid=\"true\" aria-describedby=\"cf-").Append(name).Append("-error\"");
        html.Append('>');
        if (input is null)
            html.Append(E(value)).Append("</textarea>");
        if (errors.Length > 0)
            html.Append("<span class=\"field-error\" id=\"cf-").Append(name).Append("-error\">").Append(E(string.Join(" ", errors))).Append("</span>");
        html.Append("</p>");
    }

    private static string E(string text) => Encoder.Encode(text);
}
