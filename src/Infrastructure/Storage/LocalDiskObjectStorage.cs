using IaGenify.Application.Common.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Storage;

/// <summary>
/// Objects as files under <c>{root}/objects/{key}</c>, their content type beside them under <c>{root}/types/{key}</c>.
/// A write goes to a temporary file that is then renamed over the target, so a reader never sees half an object.
/// Keys are checked twice: against <see cref="ObjectKeys"/> and, after resolving the path, against the root.
/// </summary>
internal sealed class LocalDiskObjectStorage : IObjectStorage
{
    private const string DefaultContentType = "application/octet-stream";
    private const string TemporarySuffix = ".partial";
    private readonly string _objects;
    private readonly string _types;

    public LocalDiskObjectStorage(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var root = options.Value.ResolveRoot(environment.ContentRootPath);
        _objects = Path.Combine(root, "objects");
        _types = Path.Combine(root, "types");
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = Resolve(_objects, key);
        var typePath = Resolve(_types, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.GetDirectoryName(typePath)!);

        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            await File.WriteAllTextAsync(typePath, contentType, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(_objects, key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var typePath = Resolve(_types, key);
        var contentType = File.Exists(typePath) ? await File.ReadAllTextAsync(typePath, cancellationToken) : DefaultContentType;
        return new StoredObject(stream, contentType, stream.Length);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Resolve(_objects, key)));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(_objects, key);
        // File.Delete throws when the folder is missing too, so an absent object is answered before deleting.
        if (!File.Exists(path))
            return Task.FromResult(false);
        File.Delete(path);
        File.Delete(Resolve(_types, key));
        return Task.FromResult(true);
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!ObjectKeys.IsValidPrefix(prefix))
            throw new ArgumentException($"'{prefix}' is not a valid object key prefix.", nameof(prefix));
        var folder = prefix.TrimEnd('/');
        var objects = Resolve(_objects, folder);
        var count = 0;
        if (Directory.Exists(objects))
        {
            count = Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories)
                .Count(f => !f.EndsWith(TemporarySuffix, StringComparison.Ordinal));
            Directory.Delete(objects, recursive: true);
        }
        var types = Resolve(_types, folder);
        if (Directory.Exists(types))
            Directory.Delete(types, recursive: true);
        return Task.FromResult(count);
    }

    private static string Resolve(string tree, string key)
    {
        if (!ObjectKeys.IsValid(key))
            throw new ArgumentException($"'{key}' is not a valid object key.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(tree, key));
        if (!path.StartsWith(tree + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{key}' resolves outside the storage root.", nameof(key));
        return path;
    }
}
