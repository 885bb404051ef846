using System.Security.Cryptography;
using IaGenify.Application.Common.Storage;

namespace IaGenify.Api.Tests.Storage;

/// <summary>What every object store adapter must do; one subclass per adapter runs the same tests.</summary>
public abstract class ObjectStorageContract
{
    protected abstract IObjectStorage Storage { get; }

    private static string Key(string name) => ObjectKeys.ForWorkspace(Guid.NewGuid(), "assets", name);

    [Fact]
    public async Task An_object_reads_back_with_its_bytes_type_and_length()
    {
        var key = Key("a.png");
        var bytes = RandomNumberGenerator.GetBytes(1000);

        await Storage.PutAsync(key, new MemoryStream(bytes), "image/png", CancellationToken.None);

        await using var stored = await Storage.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(1000, stored.Length);
        Assert.Equal(bytes, await ReadAllAsync(stored.Content));
        Assert.True(await Storage.ExistsAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Writing_a_key_again_replaces_the_object()
    {
        var key = Key("b.bin");
        await Storage.PutAsync(key, new MemoryStream([1, 2, 3]), "application/octet-stream", CancellationToken.None);
        await Storage.PutAsync(key, new MemoryStream([9]), "image/gif", CancellationToken.None);

        await using var stored = await Storage.OpenReadAsync(key, CancellationToken.None);
        Assert.Equal([9], await ReadAllAsync(stored!.Content));
        Assert.Equal("image/gif", stored.ContentType);
    }

    [Fact]
    public async Task A_missing_object_is_null_absent_and_not_deleted()
    {
        var key = Key("missing.png");
        Assert.Null(await Storage.OpenReadAsync(key, CancellationToken.None));
        Assert.False(await Storage.ExistsAsync(key, CancellationToken.None));
        Assert.False(await Storage.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_object_is_gone()
    {
        var key = Key("c.png");
        await Storage.PutAsync(key, new MemoryStream([1]), "image/png", CancellationToken.None);

        Assert.True(await Storage.DeleteAsync(key, CancellationToken.None));

        Assert.Null(await Storage.OpenReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_prefix_removes_that_folder_only()
    {
        var workspace = Guid.NewGuid();
        var prefix = ObjectKeys.WorkspacePrefix(workspace);
        await Storage.PutAsync(ObjectKeys.ForWorkspace(workspace, "assets", "1.png"), new MemoryStream([1]), "image/png", CancellationToken.None);
        await Storage.PutAsync(ObjectKeys.ForWorkspace(workspace, "exports", "2.zip"), new MemoryStream([2]), "application/zip", CancellationToken.None);
        // A sibling whose name starts with the same characters is another folder.
        var sibling = $"workspaces/{workspace:D}x/assets/3.png";
        await Storage.PutAsync(sibling, new MemoryStream([3]), "image/png", CancellationToken.None);

        Assert.Equal(2, await Storage.DeletePrefixAsync(prefix, CancellationToken.None));

        Assert.False(await Storage.ExistsAsync(ObjectKeys.ForWorkspace(workspace, "assets", "1.png"), CancellationToken.None));
        Assert.True(await Storage.ExistsAsync(sibling, CancellationToken.None));
        Assert.Equal(0, await Storage.DeletePrefixAsync(prefix, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_object_from_an_unseekable_stream_reads_back_whole()
    {
        var key = Key("archive.zip");
        var bytes = RandomNumberGenerator.GetBytes(12 * 1024 * 1024 + 123);

        await Storage.PutAsync(key, new ForwardOnlyStream(bytes), "application/zip", CancellationToken.None);

        await using var stored = await Storage.OpenReadAsync(key, CancellationToken.None);
        Assert.Equal(bytes.Length, stored!.Length);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAllAsync(stored.Content)));
    }

    [Fact]
    public async Task A_read_can_start_anywhere_in_the_object()
    {
        var key = Key("range.bin");
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await Storage.PutAsync(key, new MemoryStream(bytes), "application/octet-stream", CancellationToken.None);

        await using var stored = await Storage.OpenReadAsync(key, CancellationToken.None);
        Assert.True(stored!.Content.CanSeek);
        stored.Content.Seek(7_000, SeekOrigin.Begin);
        var slice = new byte[100];
        await stored.Content.ReadExactlyAsync(slice);
        Assert.Equal(bytes[7_000..7_100], slice);
        stored.Content.Seek(10, SeekOrigin.Begin);
        await stored.Content.ReadExactlyAsync(slice);
        Assert.Equal(bytes[10..110], slice);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("workspaces/../../etc/passwd")]
    [InlineData("/absolute")]
    public async Task Keys_that_could_leave_the_store_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.PutAsync(key, new MemoryStream([1]), "image/png", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.OpenReadAsync(key, CancellationToken.None));
    }

    private static async Task<byte[]> ReadAllAsync(Stream content)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Like a request body or a zip being written: no length, no seeking, small reads.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 64 * 1024), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
