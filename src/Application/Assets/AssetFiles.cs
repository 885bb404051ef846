using System.Security.Cryptography;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets;

/// <summary>Reading image bytes safely: bounded in size, typed by their first bytes, stored under the workspace's prefix.</summary>
public static class AssetFiles
{
    public static string StorageKey(Guid workspaceId, Guid assetId) => ObjectKeys.ForWorkspace(workspaceId, "assets", assetId.ToString("D"));

    /// <summary>The <see cref="Asset.ContentHash"/> of an image's bytes.</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Reads at most <see cref="Asset.MaxBytes"/> (413 beyond) and recognises the image type (415 when it is none we accept).</summary>
    public static async Task<(byte[] Bytes, string ContentType)> ReadImageAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Asset.MaxBytes)
                throw new PayloadTooLargeException($"An image has at most {Asset.MaxBytes / (1024 * 1024)} MB.");
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        var type = ImageFormats.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, ImageFormats.SniffLength)));
        return type is null || bytes.Length == 0
            ? throw new UnsupportedMediaTypeException("Upload a PNG, JPEG, WebP or GIF image.")
            : (bytes, type);
    }
}
