namespace IaGenify.Domain.Exports;

public enum ExportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    /// <summary>The archive was downloadable once and has been deleted after its retention.</summary>
    Expired,
}
