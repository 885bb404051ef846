using IaGenify.Infrastructure.Storage;

namespace IaGenify.Api.Tests.Storage;

/// <summary>Where the local-disk object store keeps its files: never inside the build output by default.</summary>
public sealed class StorageRootTests
{
    private static readonly string BuildOutput = Path.Combine(Path.GetTempPath(), "checkout", "src", "Api", "bin", "Release", "net10.0");

    [Fact]
    public void Unset_it_is_the_users_data_folder_outside_the_content_root()
    {
        var root = new StorageOptions().ResolveRoot(BuildOutput);

        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "IaGenify", "storage"), root);
        Assert.False(root.StartsWith(BuildOutput, StringComparison.Ordinal));
        Assert.True(Path.IsPathFullyQualified(root));
    }

    [Fact]
    public void An_absolute_root_is_kept_and_a_relative_one_is_taken_from_the_content_root()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "objects-here");

        Assert.Equal(absolute, new StorageOptions { Root = absolute }.ResolveRoot(BuildOutput));
        Assert.Equal(Path.Combine(BuildOutput, "data"), new StorageOptions { Root = "data" }.ResolveRoot(BuildOutput));
    }
}
