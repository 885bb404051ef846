using System.Security.Cryptography;
using System.Text;

namespace IaGenify.Infrastructure.Security;

/// <summary>
/// AES-256-GCM for secrets kept at rest that must be read back (webhook signing secrets, TOTP secrets). Stored
/// form: <c>v1.</c> + base64(nonce | ciphertext | tag); the version prefix leaves room for a new key or algorithm.
/// Each purpose passes its own associated-data label, so a ciphertext of one purpose is refused by every other.
/// </summary>
internal static class SealedSecret
{
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Seal(byte[] key, byte[] label, string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBox = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceSize, plaintext.Length),
            sealedBox.AsSpan(NonceSize + plaintext.Length), label);
        return Version + Convert.ToBase64String(sealedBox);
    }

    /// <exception cref="CryptographicException">The value was not made with this key and label (or was altered).</exception>
    public static string Open(byte[] key, byte[] label, string sealedSecret)
    {
        if (!sealedSecret.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown protected secret format.");
        byte[] sealedBox;
        try
        {
            sealedBox = Convert.FromBase64String(sealedSecret[Version.Length..]);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("Protected secret is not base64.", ex);
        }
        if (sealedBox.Length < NonceSize + TagSize)
            throw new CryptographicException("Protected secret is truncated.");
        var plaintext = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, plaintext.Length),
            sealedBox.AsSpan(NonceSize + plaintext.Length), plaintext, label);
        return Encoding.UTF8.GetString(plaintext);
    }
}
