namespace IaGenify.Application.Common.Storage;

/// <summary>
/// Binary objects (export archives, assets) stored under keys such as <c>workspaces/{id}/exports/{id}.zip</c>.
/// Keys are relative paths of safe segments (see <see cref="ObjectKeys"/>); every workspace's objects live under
/// its own prefix so that purging a workspace deletes them all. Writes are atomic: readers see the old object or
/// the new one, never half of it.
/// </summary>
public interface IObjectStorage
{
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Null when no object has the key. The caller disposes the stream.</summary>
    Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the object; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every object under the folder the prefix names (e.g. <c>workspaces/{id}/</c>); returns how many.</summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken);
}
