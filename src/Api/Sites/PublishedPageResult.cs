using Microsoft.Net.Http.Headers;

namespace IaGenify.Api.Sites;

/// <summary>
/// Sends a cached page: 304 when the client already has it, otherwise the best encoding the client accepts, with the
/// headers that keep a published page inert (its own CSP with who may frame it, no MIME sniffing, no referrer).
/// </summary>
internal sealed class PublishedPageResult(CachedPage page, string cacheControl) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var encoding = ChooseEncoding(request.Headers.AcceptEncoding.ToString());
        response.Headers.CacheControl = cacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.ETag = page.ETag(encoding);
        // On a 304 too: the headers of the page the client keeps are refreshed from it.
        SiteFraming.Write(response.Headers, page.ContentSecurityPolicy, page.XFrameOptions);
        if (request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch && page.Matches(ifNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.ContentType = "text/html; charset=utf-8";
        var body = encoding switch { "br" => page.Brotli, "gzip" => page.Gzip, _ => page.Identity };
        if (encoding is not null)
            response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
            await response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>Brotli, then gzip, when the client lists them without <c>q=0</c>. Read in place: browsers send it on every request.</summary>
    internal static string? ChooseEncoding(string acceptEncoding)
    {
        if (acceptEncoding.Length == 0)
            return null;
        var gzip = false;
        var header = acceptEncoding.AsSpan();
        foreach (var range in header.Split(','))
        {
            var item = header[range];
            var semicolon = item.IndexOf(';');
            var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
            if (semicolon >= 0 && Refused(item[(semicolon + 1)..]))
                continue;
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                return "br";
            gzip |= name.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        }
        return gzip ? "gzip" : null;
    }

    /// <summary>Whether the parameters of one coding hold a zero quality (<c>q=0</c> up to <c>q=0.000</c>, spaces ignored).</summary>
    private static bool Refused(ReadOnlySpan<char> parameters)
    {
        Span<char> compact = stackalloc char[8];
        foreach (var range in parameters.Split(';'))
        {
            var length = 0;
            foreach (var c in parameters[range].Trim())
            {
                if (c == ' ')
                    continue;
                if (length == compact.Length)
                {
                    length = -1;
                    break;
                }
                compact[length++] = c;
            }
            if (length > 0 && compact[..length] is "q=0" or "q=0.0" or "q=0.00" or "q=0.000")
                return true;
        }
        return false;
    }
}
