using System.Net;
using System.Text.RegularExpressions;
using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>
/// The origins, besides the site itself, allowed to frame a published site (<c>frame-ancestors</c>). Each is kept in
/// one canonical form, <c>scheme://host[:port]</c>: lower-case, international names in punycode, the default port
/// left out. Only https is accepted, except for the loopback hosts used while developing an embedding page. The form
/// is rebuilt from the parsed parts, never copied from the input, so nothing a client sends can reach the header
/// except a host name, an IP address and a port.
/// </summary>
public static partial class FrameAncestors
{
    public const int MaxOrigins = 10;

    /// <summary>The field that carries them, as clients spell it.</summary>
    public const string Field = "allowedFrameAncestors";

    // Longer than any origin can be (a 253-character host, a scheme and a port).
    private const int MaxInputLength = 300;

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The canonical, de-duplicated origins, or an <see cref="InvalidFieldException"/> saying what is wrong.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string?> values) =>
        TryNormalize(values, out var origins, out var error) ? origins : throw new InvalidFieldException(Field, error);

    public static bool TryNormalize(IReadOnlyList<string?> values, out IReadOnlyList<string> origins, out string error)
    {
        origins = [];
        var kept = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!TryNormalizeOrigin(values[i], out var origin, out var problem))
            {
                error = $"Entry {i + 1}: {problem}";
                return false;
            }
            if (!kept.Contains(origin, StringComparer.Ordinal))
                kept.Add(origin);
            if (kept.Count > MaxOrigins)
            {
                error = $"At most {MaxOrigins} different origins may frame the site.";
                return false;
            }
        }
        origins = kept;
        error = "";
        return true;
    }

    /// <summary>One origin in canonical form: <c>https://Bücher.Example:443/</c> becomes <c>https://xn--bcher-kva.example</c>.</summary>
    public static bool TryNormalizeOrigin(string? value, out string origin, out string problem)
    {
        origin = "";
        var text = value?.Trim() ?? "";
        problem = text switch
        {
            { Length: 0 } => "an origin is required, such as https://example.com.",
            { Length: > MaxInputLength } => $"an origin has at most {MaxInputLength} characters.",
            _ when text.Contains('*') => "wildcards are not allowed; list each origin.",
            _ when text.Contains('?') => "an origin has no query string.",
            _ when text.Contains('#') => "an origin has no fragment.",
            _ when text.Contains('@') => "an origin has no user name or password.",
            _ when text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or ';' or ',' or '\'' or '"' or '%') =>
                "an origin is scheme://host[:port], such as https://example.com.",
            _ => "",
        };
        if (problem.Length > 0)
            return false;

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : text[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("https" or "http"))
        {
            problem = "an origin starts with https://, such as https://example.com.";
            return false;
        }
        var rest = text[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        if (slash >= 0 && slash != rest.Length - 1)
        {
            problem = "an origin has no path; give only scheme://host[:port].";
            return false;
        }
        if (authority.Length == 0 || !Uri.TryCreate($"{scheme}://{authority}/", UriKind.Absolute, out var uri)
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            problem = "an origin is scheme://host[:port], such as https://example.com.";
            return false;
        }
        var host = HostOf(uri);
        if (host is null)
        {
            problem = "the host is not a valid domain name or IP address.";
            return false;
        }
        if (scheme == "http" && !LoopbackHosts.Contains(host, StringComparer.Ordinal))
        {
            problem = "only https origins are allowed (http only for localhost, 127.0.0.1 and [::1]).";
            return false;
        }
        origin = uri.IsDefaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{uri.Port}";
        return true;
    }

    /// <summary>The host as it goes into the header, or null when it is not a plain name or address.</summary>
    private static string? HostOf(Uri uri)
    {
        if (uri.HostNameType == UriHostNameType.IPv6)
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var v6) && v6.ScopeId == 0 ? $"[{v6}]" : null;
        if (uri.HostNameType == UriHostNameType.IPv4)
            return IPAddress.TryParse(uri.Host, out var v4) ? v4.ToString() : null;
        string punycode;
        try
        {
            punycode = uri.IdnHost.ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return null;
        }
        return punycode.Length <= 253 && DnsName().IsMatch(punycode) ? punycode : null;
    }

    // Letter-digit-hyphen labels of at most 63 characters, not starting or ending with a hyphen, no empty label.
    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)(\\.(?!-)[a-z0-9-]{1,63}(?<!-))*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();
}
