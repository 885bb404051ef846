namespace IaGenify.Api.Sites;

/// <summary>Configuration section <c>Sites</c>: how published pages are cached, here and by browsers and CDNs.</summary>
public sealed class SiteCacheOptions
{
    public const string Section = "Sites";

    /// <summary>The <c>Cache-Control</c> header of published pages.</summary>
    public string CacheControl { get; set; } = "public, max-age=60, stale-while-revalidate=600";

    /// <summary>Entries each in-process cache holds at most; past that it starts again empty. 0 turns caching off.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
