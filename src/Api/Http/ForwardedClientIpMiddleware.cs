using System.Net;

namespace IaGenify.Api.Http;

/// <summary>
/// Replaces the connection's remote address by the client's when the request came through trusted hops: walking
/// <c>X-Forwarded-For</c> from its right end (the entry the nearest hop wrote), each address is believed only while
/// the one it came from is trusted. Entries left of the first untrusted address are the caller's own words and are
/// never read. An unparsable entry stops the walk at the last address known for sure.
/// </summary>
internal sealed class ForwardedClientIpMiddleware(RequestDelegate next, TrustedHops trusted)
{
    public Task InvokeAsync(HttpContext http)
    {
        var current = http.Connection.RemoteIpAddress;
        if (current is not null && trusted.Contains(current) && http.Request.Headers["X-Forwarded-For"] is { Count: > 0 } header)
        {
            var entries = header.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
            for (var i = entries.Length - 1; i >= 0 && trusted.Contains(current); i--)
            {
                if (!IPEndPoint.TryParse(entries[i], out var hop))
                    break;
                current = hop.Address;
            }
            http.Connection.RemoteIpAddress = current;
        }
        return next(http);
    }
}
