using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Application.Common.Storage;

namespace IaGenify.Application.Exports.Ports;

/// <summary>
/// Writes the files of an export archive. JSON is camelCase with enums as camelCase strings, like the API.
/// Paths follow the rules of object keys (relative, safe segments) and are unique within an archive.
/// </summary>
public abstract class ExportWriter
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HashSet<string> _paths = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Paths => _paths;

    public async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var stream = Open(path);
        await JsonSerializer.SerializeAsync(stream, value, JsonOptions, cancellationToken);
    }

    /// <summary>Writes a JSON array item by item, so that a large list never sits in memory whole.</summary>
    public async Task WriteJsonArrayAsync<T>(string path, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        await using var stream = Open(path);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, item, JsonOptions);
            if (json.BytesPending > 64 * 1024)
                await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    public async Task WriteFileAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        await using var stream = Open(path);
        await content.CopyToAsync(stream, cancellationToken);
    }

    /// <summary>Opens a new entry for writing; the caller disposes the stream before opening the next.</summary>
    protected abstract Stream CreateEntry(string path);

    private Stream Open(string path)
    {
        if (!ObjectKeys.IsValid(path))
            throw new ArgumentException($"'{path}' is not a valid path inside an export.", nameof(path));
        if (!_paths.Add(path))
            throw new InvalidOperationException($"The export already contains '{path}'.");
        return CreateEntry(path);
    }
}
