using System.Security.Cryptography;
using IaGenify.Application.Common.Security;

namespace IaGenify.Application.Identity.Mfa;

/// <summary>
/// Recovery codes: ten random codes of 50 bits (<c>xxxxx-xxxxx</c>, no look-alike characters) shown once and stored
/// as SHA-256. The entropy and the login throttle make a fast hash sufficient, and it lets a code be found by hash.
/// </summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int HalfLength = 5;

    public static string Create()
    {
        Span<char> code = stackalloc char[HalfLength * 2 + 1];
        for (var i = 0; i < code.Length; i++)
            code[i] = i == HalfLength ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>The hash of a code as a user types it: case, spaces and dashes do not matter.</summary>
    public static string Hash(string code)
    {
        var normalized = new string(code.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return SecureToken.Hash(normalized);
    }
}
