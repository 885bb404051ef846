using IaGenify.Domain.Audit;

namespace IaGenify.Application.Audit;

public sealed record AuditEntryDto(Guid Id, string Action, AuditActorType ActorType, Guid? ActorId, string? TargetType,
    string? TargetId, string? IpAddress, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Details);
