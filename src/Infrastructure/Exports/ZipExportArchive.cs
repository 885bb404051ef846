using System.IO.Compression;
using IaGenify.Application.Exports.Ports;

namespace IaGenify.Infrastructure.Exports;

internal sealed class ZipExportArchiveFactory : IExportArchiveFactory
{
    public IExportArchive Create() => new ZipExportArchive();
}

/// <summary>A zip built in a temporary file that deletes itself when closed, so no export lingers on local disk.</summary>
internal sealed class ZipExportArchive : IExportArchive
{
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private bool _completed;

    public ZipExportArchive()
    {
        _file = new FileStream(Path.Combine(Path.GetTempPath(), $"iagenify-export-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
        Writer = new EntryWriter(_zip);
    }

    public ExportWriter Writer { get; }

    public Task<Stream> CompleteAsync(CancellationToken cancellationToken)
    {
        if (!_completed)
        {
            _zip.Dispose();
            _completed = true;
        }
        _file.Position = 0;
        return Task.FromResult<Stream>(_file);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
            _zip.Dispose();
        await _file.DisposeAsync();
    }

    private sealed class EntryWriter(ZipArchive zip) : ExportWriter
    {
        protected override Stream CreateEntry(string path) => zip.CreateEntry(path, CompressionLevel.Optimal).Open();
    }
}
