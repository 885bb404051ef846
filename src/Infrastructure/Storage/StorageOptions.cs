namespace IaGenify.Infrastructure.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>local</c> (disk under <see cref="Root"/>, the default) or <c>s3</c> (see <see cref="S3"/>).</summary>
    public string Provider { get; set; } = "local";

    /// <summary>
    /// Folder of the local-disk object store; a relative path is taken from the content root. Unset, it is
    /// <see cref="DefaultRoot"/>: the API's content root is its build or publish folder, and objects kept there would
    /// vanish with the next clean build or deployment.
    /// </summary>
    public string Root { get; set; } = "";

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>The absolute folder of the local-disk store.</summary>
    public string ResolveRoot(string contentRoot) => string.IsNullOrWhiteSpace(Root)
        ? DefaultRoot()
        : Path.GetFullPath(Path.Combine(contentRoot, Root));

    /// <summary>
    /// The user's data folder (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on
    /// Windows) + <c>IaGenify/storage</c>: the same for the API and the CLI run by one user, outside any build output.
    /// </summary>
    public static string DefaultRoot()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(data)
            ? throw new InvalidOperationException("Storage:Root is not set and this user has no data folder (HOME is unset); set Storage__Root.")
            : Path.Combine(data, "IaGenify", "storage");
    }
}
