using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Sites;

/// <summary>
/// Who may frame a rendered page, written into the page's own Content-Security-Policy (one header, never a second
/// one) and, where it can say it, <c>X-Frame-Options</c> for browsers without CSP level 2. Published pages: the site
/// itself, plus the website's <c>allowedFrameAncestors</c> (then without X-Frame-Options, which cannot list origins).
/// Previews and signed preview links: only the frontend's origin (<c>Platform:AppUrl</c>), which embeds the editor.
/// </summary>
internal sealed record SiteFraming(string FrameAncestors, string? XFrameOptions)
{
    public static SiteFraming Published(IReadOnlyList<string> allowedFrameAncestors) =>
        allowedFrameAncestors.Count == 0
            ? new SiteFraming("'self'", "SAMEORIGIN")
            : new SiteFraming(string.Join(' ', ["'self'", .. allowedFrameAncestors]), null);

    public static SiteFraming Preview(HttpContext http) =>
        new(new Uri(http.RequestServices.GetRequiredService<IOptionsMonitor<PlatformOptions>>().CurrentValue.AppBaseUrl)
            .GetLeftPart(UriPartial.Authority), null);

    /// <summary>The page's CSP with <c>frame-ancestors</c> added.</summary>
    public string PolicyFor(string contentSecurityPolicy) => $"{contentSecurityPolicy.TrimEnd(' ', ';')}; frame-ancestors {FrameAncestors}";

    /// <summary>Sets the page's CSP with <c>frame-ancestors</c> added, and X-Frame-Options when it applies.</summary>
    public void Apply(IHeaderDictionary headers, string contentSecurityPolicy) => Write(headers, PolicyFor(contentSecurityPolicy), XFrameOptions);

    public static void Write(IHeaderDictionary headers, string framedContentSecurityPolicy, string? xFrameOptions)
    {
        headers.ContentSecurityPolicy = framedContentSecurityPolicy;
        if (xFrameOptions is not null)
            headers.XFrameOptions = xFrameOptions;
    }
}
