namespace IaGenify.Architecture.Tests;

internal static class SourceTree
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IaGenify.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("IaGenify.sln not found above the test output.");
    }
}
