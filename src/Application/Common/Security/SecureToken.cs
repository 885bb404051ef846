using System.Security.Cryptography;
using System.Text;

namespace IaGenify.Application.Common.Security;

/// <summary>
/// Random bearer secrets (refresh tokens, emailed links, invitations). Only their SHA-256 is stored: the secrets
/// have 256 bits of entropy, so a fast hash is enough and lets us look them up by hash.
/// </summary>
public static class SecureToken
{
    public static string Create(string prefix = "")
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        return prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
