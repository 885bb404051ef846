namespace IaGenify.Infrastructure.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the local-disk object store; a relative path is taken from the content root.</summary>
    public string Root { get; set; } = ".data/storage";
}
