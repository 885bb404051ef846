using IaGenify.Domain.Common;

namespace IaGenify.Domain.Exports;

/// <summary>
/// A downloadable archive of a workspace's data, built in the background. A worker holds it under a lease while
/// it runs, so that an export whose worker died is picked up again instead of staying "running" forever.
/// </summary>
public sealed class Export : Entity, ITenantOwned
{
    public const int MaxErrorLength = 100;

    private Export() { }

    public Guid WorkspaceId { get; private set; }
    public Guid? RequestedBy { get; private set; }
    public ExportStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? ObjectKey { get; private set; }
    public long? SizeBytes { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public static Export Request(Guid workspaceId, Guid? requestedBy, DateTimeOffset now) => new()
    {
        WorkspaceId = workspaceId,
        RequestedBy = requestedBy,
        Status = ExportStatus.Queued,
        CreatedAt = now,
    };

    public bool IsDownloadable(DateTimeOffset now) =>
        Status == ExportStatus.Succeeded && ObjectKey is not null && now < ExpiresAt;

    public void Succeed(string objectKey, long sizeBytes, DateTimeOffset now, TimeSpan retention)
    {
        EnsureRunning();
        ArgumentException.ThrowIfNullOrWhiteSpace(objectKey);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        Status = ExportStatus.Succeeded;
        ObjectKey = objectKey;
        SizeBytes = sizeBytes;
        CompletedAt = now;
        ExpiresAt = now + retention;
        LeaseExpiresAt = null;
    }

    /// <summary>Records why the export failed as a stable code; never a message that could carry data.</summary>
    public void Fail(string errorCode, DateTimeOffset now)
    {
        if (Status is not (ExportStatus.Queued or ExportStatus.Running))
            throw new BusinessRuleException("export.not_active", "Only a queued or running export can fail.");
        Status = ExportStatus.Failed;
        Error = Guard.NotBlank(errorCode, MaxErrorLength, nameof(errorCode));
        CompletedAt = now;
        LeaseExpiresAt = null;
    }

    /// <summary>The archive has been deleted from storage after its retention.</summary>
    public void Expire()
    {
        if (Status != ExportStatus.Succeeded)
            throw new BusinessRuleException("export.not_succeeded", "Only a finished export expires.");
        Status = ExportStatus.Expired;
        ObjectKey = null;
    }

    /// <summary>Why <see cref="IsDownloadable"/> is false, as a refusal the caller can act on.</summary>
    public BusinessRuleException NotDownloadable(DateTimeOffset now) => Status switch
    {
        ExportStatus.Queued or ExportStatus.Running => new("export.not_ready", "The export is still being prepared; try again shortly."),
        ExportStatus.Failed => new("export.failed", "The export failed; request a new one."),
        _ when !IsDownloadable(now) => new("export.expired", "The export has expired; request a new one."),
        _ => throw new InvalidOperationException("The export is downloadable."),
    };

    private void EnsureRunning()
    {
        if (Status != ExportStatus.Running)
            throw new BusinessRuleException("export.not_running", "The export is not running.");
    }
}
