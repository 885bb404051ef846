namespace IaGenify.Application.Websites.Rendering;

/// <summary>
/// A complete HTML document and the Content-Security-Policy it must be served with. <see cref="FrameAncestors"/> are
/// the origins besides the site itself that may frame a published page (the website's <c>allowedFrameAncestors</c>).
/// </summary>
public sealed record RenderedPage(string Html, string ContentSecurityPolicy)
{
    public IReadOnlyList<string> FrameAncestors { get; init; } = [];
}

/// <summary>
/// Where the rendered links point: the site's base path and the URL of an asset. <see cref="ContactAction"/> is
/// where contact sections post their form (none: the form is not drawn, as in previews); <see cref="ContactForm"/>
/// refills it with a refused submission's values and errors.
/// </summary>
public sealed record SiteLinks(string BasePath, Func<Guid, string> AssetUrl)
{
    public string? ContactAction { get; init; }
    public ContactFormState? ContactForm { get; init; }
}

/// <summary>A submission the visitor must correct: what they typed and what is wrong, by field name.</summary>
public sealed record ContactFormState(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string[]> Errors);
