namespace IaGenify.Application.Exports.Ports;

/// <summary>Creates the archive (a zip file) an export is written into.</summary>
public interface IExportArchiveFactory
{
    IExportArchive Create();
}

/// <summary>An archive being written; disposing it discards whatever is left of it.</summary>
public interface IExportArchive : IAsyncDisposable
{
    ExportWriter Writer { get; }

    /// <summary>Closes the archive and returns its content from the start, with a known length.</summary>
    Task<Stream> CompleteAsync(CancellationToken cancellationToken);
}
