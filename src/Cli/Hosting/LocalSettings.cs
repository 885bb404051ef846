namespace IaGenify.Cli.Hosting;

/// <summary>
/// The settings <c>scripts/run.sh</c> writes for the local database it serves (<c>ConnectionStrings:Default</c> and
/// <c>Storage:Root</c>), so that the CLI run from the same checkout finds them without being told.
/// </summary>
public static class LocalSettings
{
    public const string RelativePath = ".data/local-settings.json";

    /// <summary>The first file found in one of <paramref name="startFolders"/> or a folder above it.</summary>
    public static string? Find(IEnumerable<string> startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
