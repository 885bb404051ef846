using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IaGenify.Application.Websites.Ports;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Websites.PreviewLinks;

/// <summary>
/// A preview-link token is <c>base64url(payload).base64url(HMAC-SHA256(key, purpose ‖ payload))</c>, the payload being
/// the workspace id, the website id (16 bytes each) and the expiry in Unix seconds (8 bytes, big-endian). Nothing is
/// stored: the signature is the proof, and the expiry bounds how long a leaked link works.
/// </summary>
internal sealed class HmacPreviewLinkSigner(IOptions<PreviewLinkOptions> options, IOptions<JwtOptions> jwt) : IPreviewLinkSigner
{
    private const int PayloadLength = 16 + 16 + 8;

    // Binds the MAC to this use, so a value signed by the same key for another purpose can never pass as a link.
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("iagenify.preview-link.v1\n");

    private readonly byte[] _key = string.IsNullOrWhiteSpace(options.Value.SigningKey)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, jwt.Value.SigningKeyBytes(), 32, info: Purpose)
        : options.Value.SigningKeyBytes();

    public TimeSpan Lifetime => options.Value.Lifetime;

    public string Sign(PreviewLinkGrant grant)
    {
        var payload = new byte[PayloadLength];
        grant.WorkspaceId.TryWriteBytes(payload.AsSpan(0, 16));
        grant.WebsiteId.TryWriteBytes(payload.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(32), grant.ExpiresAt.ToUnixTimeSeconds());
        return $"{Base64Url(payload)}.{Base64Url(Mac(payload))}";
    }

    public PreviewLinkGrant? Read(string token)
    {
        var dot = token.IndexOf('.');
        if (dot < 0 || !TryDecode(token[..dot], out var payload) || payload.Length != PayloadLength
            || !TryDecode(token[(dot + 1)..], out var mac) || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
            return null;
        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(32));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return null;
        return new PreviewLinkGrant(new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)),
            DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(_key, (byte[])[.. Purpose, .. payload]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        // Only the canonical unpadded alphabet: a second spelling of the same bytes would be a second valid link.
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return false;
        }
        return Base64Url(bytes) == text;
    }
}
