namespace IaGenify.Application.Exports.Ports;

/// <summary>
/// One module's part of a workspace export. Register it with <c>services.AddExportContributor&lt;T&gt;()</c>.
/// It writes its files through the writer, named after <see cref="Name"/> (<c>members</c> writes
/// <c>members.json</c>; a module with files writes them under <c>{name}/</c>). It never writes secrets
/// (password or token hashes, API key hashes, signing secrets).
/// </summary>
public interface IExportContributor
{
    /// <summary>Unique among contributors; recorded in the manifest and in the error code when the part fails.</summary>
    string Name { get; }

    Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken);
}
