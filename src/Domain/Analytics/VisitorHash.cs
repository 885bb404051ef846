using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IaGenify.Domain.Analytics;

/// <summary>
/// The daily pseudonym of a visitor: the first 8 bytes of SHA-256(daily salt ‖ site id ‖ client IP ‖ User-Agent).
/// The salt is random per UTC day and deleted after 48 hours, so once it is gone the hash can neither be recomputed
/// from an IP address nor linked to the same visitor's hash of another day or another site.
/// </summary>
public static class VisitorHash
{
    public const int SaltLength = 32;

    public static long Compute(ReadOnlySpan<byte> salt, Guid siteId, string clientIp, string userAgent)
    {
        if (salt.Length != SaltLength)
            throw new ArgumentException($"A visitor salt is {SaltLength} bytes.", nameof(salt));
        var ipBytes = Encoding.UTF8.GetByteCount(clientIp);
        var uaBytes = Encoding.UTF8.GetByteCount(userAgent);
        var length = SaltLength + 16 + ipBytes + 1 + uaBytes;
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        salt.CopyTo(buffer);
        siteId.TryWriteBytes(buffer[SaltLength..], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(clientIp, buffer[(SaltLength + 16)..]);
        // A separator, so that "1.2.3.4" + "5x" and "1.2.3.45" + "x" never hash alike.
        buffer[SaltLength + 16 + ipBytes] = 0;
        Encoding.UTF8.GetBytes(userAgent, buffer[(SaltLength + 17 + ipBytes)..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer, digest);
        return BinaryPrimitives.ReadInt64BigEndian(digest);
    }
}
