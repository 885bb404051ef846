using IaGenify.Domain.Common;

namespace IaGenify.Domain.Assets;

/// <summary>An image of a workspace, uploaded or generated. Its bytes live in object storage under <see cref="StorageKey"/>.</summary>
public sealed class Asset : Entity, ITenantOwned
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    private Asset()
    {
        ContentType = string.Empty;
        StorageKey = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public AssetSource Source { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string? FileName { get; private set; }
    public string StorageKey { get; private set; }

    /// <summary>
    /// SHA-256 of the bytes (64 lowercase hex digits). Public URLs carry it, so a browser or CDN may keep the image for a
    /// year: an asset's bytes never change under its id. Null for images stored before hashes were kept.
    /// </summary>
    public string? ContentHash { get; private set; }
    public Guid? GenerationId { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An uploaded image; its id is chosen before the bytes are stored under <paramref name="storageKey"/>.</summary>
    public static Asset Uploaded(Guid assetId, Guid workspaceId, string contentType, long sizeBytes, string contentHash, string storageKey,
        string? fileName, Guid? createdBy, DateTimeOffset now) =>
        Create(assetId, workspaceId, AssetSource.Uploaded, contentType, sizeBytes, contentHash, storageKey, fileName, null, createdBy, now);

    /// <summary>The image of an image generation (<paramref name="contentHash"/> is null for generations run before hashes were kept).</summary>
    public static Asset Generated(Guid assetId, Guid workspaceId, string contentType, long sizeBytes, string? contentHash, string storageKey,
        Guid generationId, Guid? createdBy, DateTimeOffset now) =>
        Create(assetId, workspaceId, AssetSource.Generated, contentType, sizeBytes, contentHash, storageKey, null, generationId, createdBy, now);

    private static Asset Create(Guid id, Guid workspaceId, AssetSource source, string contentType, long sizeBytes, string? contentHash,
        string storageKey, string? fileName, Guid? generationId, Guid? createdBy, DateTimeOffset now)
    {
        if (contentHash is not null && !IsContentHash(contentHash))
            throw new ArgumentException("A content hash is a SHA-256 in 64 lowercase hex digits.", nameof(contentHash));
        if (contentType is not (ImageFormats.Png or ImageFormats.Jpeg or ImageFormats.Gif or ImageFormats.Webp))
            throw new ArgumentException("Unsupported image type.", nameof(contentType));
        if (sizeBytes is <= 0 or > MaxBytes)
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), $"An asset has 1 byte to {MaxBytes} bytes.");
        var name = fileName?.Trim();
        return new Asset
        {
            Id = id,
            WorkspaceId = workspaceId,
            Source = source,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            FileName = string.IsNullOrEmpty(name) ? null : name.Length <= MaxFileNameLength ? name : name[..MaxFileNameLength],
            ContentHash = contentHash,
            StorageKey = Guard.NotBlank(storageKey, 200, nameof(storageKey)),
            GenerationId = generationId,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public static bool IsContentHash(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
