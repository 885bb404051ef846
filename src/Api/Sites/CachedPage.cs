using System.IO.Compression;
using System.Security.Cryptography;
using IaGenify.Application.Websites.Rendering;

namespace IaGenify.Api.Sites;

/// <summary>
/// A rendered published page as it is sent: its bytes compressed once (Brotli, gzip) rather than on every request, and
/// a strong ETag per representation derived from the content.
/// </summary>
internal sealed class CachedPage
{
    private CachedPage(string slug, string path, byte[] identity, byte[] brotli, byte[] gzip, string tag, string contentSecurityPolicy,
        string? xFrameOptions)
    {
        Slug = slug;
        Path = path;
        XFrameOptions = xFrameOptions;
        Identity = identity;
        Brotli = brotli;
        Gzip = gzip;
        ContentSecurityPolicy = contentSecurityPolicy;
        // The ETags of the three representations, built once: every response carries one.
        _identityTag = $"\"{tag}\"";
        _brotliTag = $"\"{tag}.br\"";
        _gzipTag = $"\"{tag}.gz\"";
    }

    private readonly string _identityTag;
    private readonly string _brotliTag;
    private readonly string _gzipTag;

    /// <summary>
    /// The slug and normalised path the page is cached under. A view served from the cache is recorded with these
    /// strings rather than with the copies each request's URL is cut into, which would live as long as the event.
    /// </summary>
    public string Slug { get; }

    public string Path { get; }

    public byte[] Identity { get; }
    public byte[] Brotli { get; }
    public byte[] Gzip { get; }
    /// <summary>The page's policy with its <c>frame-ancestors</c> (<see cref="SiteFraming"/>), built once.</summary>
    public string ContentSecurityPolicy { get; }

    public string? XFrameOptions { get; }

    public static CachedPage From(RenderedPage page, string slug, string path)
    {
        var identity = System.Text.Encoding.UTF8.GetBytes(page.Html);
        var tag = Convert.ToBase64String(SHA256.HashData(identity), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var framing = SiteFraming.Published(page.FrameAncestors);
        return new CachedPage(slug, path, identity, Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal)),
            Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal)), tag, framing.PolicyFor(page.ContentSecurityPolicy),
            framing.XFrameOptions);
    }

    /// <summary><c>"tag"</c>, <c>"tag.br"</c> or <c>"tag.gz"</c>, the tag derived from the content.</summary>
    public string ETag(string? encoding) => encoding switch
    {
        "br" => _brotliTag,
        "gzip" => _gzipTag,
        _ => _identityTag,
    };

    /// <summary>True when <c>If-None-Match</c> names any representation of this content (they differ only in encoding).</summary>
    public bool Matches(string ifNoneMatch)
    {
        // What a browser sends back: the one tag it was given.
        if (ifNoneMatch == _identityTag || ifNoneMatch == _brotliTag || ifNoneMatch == _gzipTag)
            return true;
        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*")
                return true;
            var opaque = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (opaque == ETag(null) || opaque == ETag("br") || opaque == ETag("gzip"))
                return true;
        }
        return false;
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer))
            stream.Write(bytes);
        return buffer.ToArray();
    }
}
