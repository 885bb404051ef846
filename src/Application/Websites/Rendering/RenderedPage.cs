namespace IaGenify.Application.Websites.Rendering;

/// <summary>A complete HTML document and the Content-Security-Policy it must be served with.</summary>
public sealed record RenderedPage(string Html, string ContentSecurityPolicy);

/// <summary>Where the rendered links point: the site's base path and the URL of an asset.</summary>
public sealed record SiteLinks(string BasePath, Func<Guid, string> AssetUrl);
