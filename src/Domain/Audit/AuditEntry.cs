using IaGenify.Domain.Common;

namespace IaGenify.Domain.Audit;

/// <summary>
/// Who did what to which object, when and from where. Append-only. Holds ids and small facts (a role name),
/// never payloads. <see cref="WorkspaceId"/> is empty for actions outside any workspace.
/// </summary>
public sealed class AuditEntry : Entity
{
    private AuditEntry()
    {
        Action = string.Empty;
        Details = new Dictionary<string, string>();
    }

    public Guid? WorkspaceId { get; private set; }
    public AuditActorType ActorType { get; private set; }
    public Guid? ActorId { get; private set; }
    public string Action { get; private set; }
    public string? TargetType { get; private set; }
    public string? TargetId { get; private set; }
    public string? IpAddress { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Dictionary<string, string> Details { get; private set; }

    public static AuditEntry Record(Guid? workspaceId, AuditActorType actorType, Guid? actorId, string action,
        string? targetType, string? targetId, string? ipAddress, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? details = null) => new()
    {
        WorkspaceId = workspaceId,
        ActorType = actorType,
        ActorId = actorId,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        IpAddress = ipAddress,
        CreatedAt = now,
        Details = details is null ? new Dictionary<string, string>() : new Dictionary<string, string>(details),
    };
}
