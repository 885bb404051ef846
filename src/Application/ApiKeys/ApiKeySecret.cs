using System.Buffers;
using IaGenify.Application.Common.Security;

namespace IaGenify.Application.ApiKeys;

/// <summary>
/// API key secrets: <c>iag_</c> followed by 256 random bits in base64url (47 characters). The prefix makes leaked
/// keys easy to recognise (secret scanners, logs); only the SHA-256 is stored, and the first characters are kept to
/// tell keys apart in lists.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "iag_";
    public const int Length = 47;
    private const int DisplayLength = 12;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Create() => SecureToken.Create(Prefix);

    /// <summary>Cheap shape check, so that garbage never costs a database lookup.</summary>
    public static bool IsWellFormed(string? presented) =>
        presented is { Length: Length }
        && presented.StartsWith(Prefix, StringComparison.Ordinal)
        && !presented.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet);

    public static string Hash(string secret) => SecureToken.Hash(secret);

    public static string DisplayPrefixOf(string secret) => secret[..DisplayLength];
}
