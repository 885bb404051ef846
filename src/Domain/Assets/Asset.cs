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
    public Guid? GenerationId { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An uploaded image; its id is chosen before the bytes are stored under <paramref name="storageKey"/>.</summary>
    public static Asset Uploaded(Guid assetId, Guid workspaceId, string contentType, long sizeBytes, string storageKey, string? fileName,
        Guid? createdBy, DateTimeOffset now) =>
        Create(assetId, workspaceId, AssetSource.Uploaded, contentType, sizeBytes, storageKey, fileName, null, createdBy, now);

    /// <summary>The image of an image generation.</summary>
    public static Asset Generated(Guid assetId, Guid workspaceId, string contentType, long sizeBytes, string storageKey, Guid generationId,
        Guid? createdBy, DateTimeOffset now) =>
        Create(assetId, workspaceId, AssetSource.Generated, contentType, sizeBytes, storageKey, null, generationId, createdBy, now);

    private static Asset Create(Guid id, Guid workspaceId, AssetSource source, string contentType, long sizeBytes, string storageKey,
        string? fileName, Guid? generationId, Guid? createdBy, DateTimeOffset now)
    {
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
            StorageKey = Guard.NotBlank(storageKey, 200, nameof(storageKey)),
            GenerationId = generationId,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}
