using System.Text;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Lifecycle;

/// <summary>The local-disk adapter of the object storage port, as the host configures it.</summary>
public sealed class ObjectStorageTests(ApiFixture fixture) : ApiTest(fixture)
{
    private IObjectStorage Storage => Factory.Services.GetRequiredService<IObjectStorage>();

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task An_object_is_stored_read_replaced_and_deleted()
    {
        var key = ObjectKeys.ForWorkspace(Guid.CreateVersion7(), "assets", "logo.png");

        await Storage.PutAsync(key, Content("first"), "image/png", default);
        await Storage.PutAsync(key, Content("second"), "image/png", default);

        Assert.True(await Storage.ExistsAsync(key, default));
        await using (var stored = await Storage.OpenReadAsync(key, default))
        {
            Assert.Equal(("image/png", 6L), (stored!.ContentType, stored.Length));
            Assert.Equal("second", await new StreamReader(stored.Content).ReadToEndAsync());
        }
        Assert.True(await Storage.DeleteAsync(key, default));
        Assert.False(await Storage.DeleteAsync(key, default));
        Assert.Null(await Storage.OpenReadAsync(key, default));
    }

    [Fact]
    public async Task Deleting_a_workspace_prefix_deletes_only_that_workspace()
    {
        var (mine, theirs) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Storage.PutAsync(ObjectKeys.ForWorkspace(mine, "a.txt"), Content("a"), "text/plain", default);
        await Storage.PutAsync(ObjectKeys.ForWorkspace(mine, "sub", "b.txt"), Content("b"), "text/plain", default);
        var kept = ObjectKeys.ForWorkspace(theirs, "a.txt");
        await Storage.PutAsync(kept, Content("c"), "text/plain", default);

        Assert.Equal(2, await Storage.DeletePrefixAsync(ObjectKeys.WorkspacePrefix(mine), default));
        Assert.Equal(0, await Storage.DeletePrefixAsync(ObjectKeys.WorkspacePrefix(mine), default));
        Assert.True(await Storage.ExistsAsync(kept, default));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("workspaces/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("workspaces\\x\\..\\..\\y")]
    [InlineData("workspaces//x")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_root_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.PutAsync(key, Content("x"), "text/plain", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.OpenReadAsync(key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.DeletePrefixAsync(key, default));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Factory.StorageRoot)!, "outside.txt")));
    }
}
