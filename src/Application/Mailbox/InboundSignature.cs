using System.Security.Cryptography;
using System.Text;

namespace IaGenify.Application.Mailbox;

/// <summary>
/// The inbound webhook's signature: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body, keyed with
/// <c>Mailbox:InboundSecret</c>. Compared in constant time; no secret configured means nothing verifies.
/// </summary>
public static class InboundSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(byte[] raw, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), raw));

    public static bool IsValid(byte[] raw, string? signature, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(raw, secret));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
