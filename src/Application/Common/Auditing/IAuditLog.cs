namespace IaGenify.Application.Common.Auditing;

/// <summary>
/// Records a sensitive action. The entry joins the current unit of work, so it commits (or not) together with the
/// change it describes. The actor and client address come from the request context.
/// </summary>
public interface IAuditLog
{
    void Record(string action, Guid? workspaceId, string? targetType, string? targetId,
        IReadOnlyDictionary<string, string>? details = null);
}
