using System.Text;

namespace IaGenify.Domain.Analytics;

/// <summary>Where a visit came from: the referrer's host and the UTM tags of the landing address.</summary>
public sealed record TrafficSource(string? ReferrerHost, string? UtmSource, string? UtmMedium, string? UtmCampaign)
{
    public const int MaxValueLength = 100;

    /// <summary>
    /// The referrer's host in lower case without "www.", or null when there is none, it is not an http(s) address,
    /// or it is the site's own host (moving between pages of a site is not a source).
    /// </summary>
    public static string? ReferrerHostOf(string? referrer, string? ownHost)
    {
        if (string.IsNullOrWhiteSpace(referrer) || !Uri.TryCreate(referrer, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            return null;
        var host = WithoutWww(uri.IdnHost.ToLowerInvariant());
        // A site answers on its apex and www hosts alike (one redirects to the other): moving between them is no referral.
        if (ownHost is not null && string.Equals(host, WithoutWww(ownHost.ToLowerInvariant()), StringComparison.Ordinal))
            return null;
        return Clean(host);
    }

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;

    /// <summary>
    /// A UTM value as analytics keeps it: trimmed, lower case, without control characters, at most 100 UTF-16
    /// characters never ending inside a surrogate pair, null when empty.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim().ToLowerInvariant();
        var clean = new StringBuilder(Math.Min(trimmed.Length, MaxValueLength));
        for (var i = 0; i < trimmed.Length && clean.Length < MaxValueLength; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c))
                continue;
            if (!char.IsSurrogate(c))
            {
                clean.Append(c);
                continue;
            }
            // Half of a pair is not text PostgreSQL can store (the whole batch would fail): a pair is kept whole or
            // left out, and so is a lone half.
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
            {
                if (clean.Length + 2 > MaxValueLength)
                    break;
                clean.Append(c).Append(trimmed[i + 1]);
                i++;
            }
        }
        return clean.Length == 0 ? null : clean.ToString();
    }
}
