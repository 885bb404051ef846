using System.Text;
using System.Text.RegularExpressions;

namespace IaGenify.Domain.Websites;

/// <summary>Rules for slugs (the site's public address) and page paths.</summary>
public static partial class SitePaths
{
    public const int MaxSlugLength = 60;
    public const int MaxPathLength = 100;

    /// <summary>First path segment reserved for a published site's files.</summary>
    public const string AssetsSegment = "assets";

    public static bool IsSlug(string? value) => value is { Length: >= 3 and <= MaxSlugLength } && Slug().IsMatch(value);

    /// <summary>"/" for the home page, otherwise lower-case segments: <c>/about</c>, <c>/services/web</c>.</summary>
    public static bool IsPagePath(string? value) =>
        value is { Length: > 0 and <= MaxPathLength } && PagePath().IsMatch(value)
        && !value.Equals("/" + AssetsSegment, StringComparison.Ordinal)
        && !value.StartsWith("/" + AssetsSegment + "/", StringComparison.Ordinal);

    /// <summary>A request path ("", "about", "/about/") in the form pages store ("/", "/about").</summary>
    public static string NormalizeRequestPath(string? path)
    {
        var trimmed = (path ?? "").Trim('/');
        return "/" + trimmed.ToLowerInvariant();
    }

    /// <summary>A slug made from a name: ASCII letters and digits joined by dashes, never shorter than 3.</summary>
    public static string SlugFrom(string name)
    {
        var slug = Slugify(name, 40);
        return slug.Length >= 3 ? slug : "site" + (slug.Length > 0 ? "-" + slug : "");
    }

    /// <summary>One path segment made from free text ("About Us" → "about-us"); empty when nothing usable is left.</summary>
    public static string SegmentFrom(string text) => Slugify(text, 40);

    private static string Slugify(string text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded is not null)
                builder.Append(folded);
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '&') && builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
    }

    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōřśšşťùúûüūůųýÿžźż";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooorssstuuuuuuuyyzzz";

    /// <summary>A letter or digit in lower-case ASCII (accents dropped, "ß" → "ss"), or null for anything else.</summary>
    private static string? Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (char.IsAsciiLetterOrDigit(lower))
            return lower.ToString();
        if (lower == 'ß')
            return "ss";
        if (lower is 'æ' or 'œ')
            return lower == 'æ' ? "ae" : "oe";
        var index = Accented.IndexOf(lower);
        return index >= 0 ? Plain[index].ToString() : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Slug();

    [GeneratedRegex("^/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)?$")]
    private static partial Regex PagePath();
}
