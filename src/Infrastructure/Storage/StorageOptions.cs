namespace IaGenify.Infrastructure.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>local</c> (disk under <see cref="Root"/>, the default) or <c>s3</c> (see <see cref="S3"/>).</summary>
    public string Provider { get; set; } = "local";

    /// <summary>Folder of the local-disk object store; a relative path is taken from the content root.</summary>
    public string Root { get; set; } = ".data/storage";

    public S3StorageOptions S3 { get; set; } = new();
}
