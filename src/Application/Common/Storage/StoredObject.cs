namespace IaGenify.Application.Common.Storage;

/// <summary>An object opened for reading. Disposing it closes the content stream.</summary>
public sealed record StoredObject(Stream Content, string ContentType, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
