namespace IaGenify.Application.Exports.Processing;

/// <summary><c>manifest.json</c>, first file of every archive: what it is and which parts it holds.</summary>
public sealed record ExportManifest(int FormatVersion, Guid ExportId, Guid WorkspaceId, DateTimeOffset RequestedAt,
    DateTimeOffset GeneratedAt, IReadOnlyList<string> Parts, IReadOnlyList<string> Files)
{
    public const int CurrentFormatVersion = 1;
}
