using System.Security.Cryptography;
using System.Text;
using IaGenify.Application.Webhooks.Ports;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// AES-256-GCM with the key <c>Webhooks:SecretKey</c>. Stored form: <c>v1.</c> + base64(nonce | ciphertext | tag);
/// the version prefix leaves room for a new key or algorithm. A fixed associated-data label keeps ciphertexts of
/// this purpose from being accepted anywhere else the key might one day be used.
/// </summary>
internal sealed class WebhookSecretProtector(IOptions<WebhookOptions> options) : IWebhookSecretProtector
{
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AssociatedData = "iagenify.webhook-endpoint-secret"u8.ToArray();

    private readonly byte[] _key = options.Value.SecretKeyBytes();

    public string Protect(string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBox = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceSize, plaintext.Length),
            sealedBox.AsSpan(NonceSize + plaintext.Length), AssociatedData);
        return Version + Convert.ToBase64String(sealedBox);
    }

    /// <exception cref="CryptographicException">The value was not made with this key (or was altered).</exception>
    public string Unprotect(string protectedSecret)
    {
        if (!protectedSecret.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown protected secret format.");
        byte[] sealedBox;
        try
        {
            sealedBox = Convert.FromBase64String(protectedSecret[Version.Length..]);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("Protected secret is not base64.", ex);
        }
        if (sealedBox.Length < NonceSize + TagSize)
            throw new CryptographicException("Protected secret is truncated.");
        var plaintext = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, plaintext.Length),
            sealedBox.AsSpan(NonceSize + plaintext.Length), plaintext, AssociatedData);
        return Encoding.UTF8.GetString(plaintext);
    }
}
