using System.Globalization;
using System.Net;

namespace IaGenify.Domain.Websites.Domains;

/// <summary>
/// Host names as the platform stores and compares them: ASCII (IDN labels in punycode), lower-case, no trailing dot.
/// </summary>
public static class HostNames
{
    public const int MaxLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The stored form of a customer's domain, or null when it is not a public DNS name a site can live on.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim().TrimEnd('.');
        if (trimmed.Length is 0 or > MaxLength || IPAddress.TryParse(trimmed.Trim('[', ']'), out _))
            return null;
        string ascii;
        try
        {
            // Lower-cased first: with invariant globalization IdnMapping does no UTS #46 case mapping, so "Ölmühle"
            // would encode its capital Ö into a name no browser sends (browsers map it to "ölmühle" first).
            ascii = Idn.GetAscii(trimmed.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        // A single label ("localhost", "intranet") is never reachable from the public internet.
        if (ascii.Length > MaxLength || labels.Length < 2 || !labels.All(IsLabel) || labels[^1].All(char.IsAsciiDigit))
            return null;
        return ascii;
    }

    /// <summary>The other member of an apex/www pair: "www.shop.example" ↔ "shop.example".</summary>
    public static string? Counterpart(string hostname)
    {
        if (hostname.StartsWith("www.", StringComparison.Ordinal))
            return hostname.Count(c => c == '.') >= 2 ? hostname[4..] : null;
        return "www." + hostname;
    }

    /// <summary>True when <paramref name="hostname"/> is <paramref name="parent"/> or one of its subdomains.</summary>
    public static bool IsWithin(string hostname, string parent) =>
        hostname == parent || hostname.EndsWith("." + parent, StringComparison.Ordinal);

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
