using IaGenify.Domain.Exports;

namespace IaGenify.Application.Exports;

/// <summary>An export as its workspace's admins see it; <see cref="Error"/> is a stable code, never a message.</summary>
public sealed record ExportDto(Guid Id, ExportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt, long? SizeBytes, DateTimeOffset? ExpiresAt, string? Error);

/// <summary>A finished archive opened for download. Disposing it closes the stream.</summary>
public sealed record ExportDownload(Stream Content, long Length, string FileName) : IAsyncDisposable
{
    public const string ContentType = "application/zip";

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>What one run of the export processor did.</summary>
public sealed record ExportRunResult(int Succeeded, int Failed, int ArchivesExpired);
