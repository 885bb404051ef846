using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Infrastructure.Auditing;

internal sealed class AuditLog(ScopedDbContext scoped, RequestContext context, TimeProvider clock) : IAuditLog
{
    public void Record(string action, Guid? workspaceId, string? targetType, string? targetId,
        IReadOnlyDictionary<string, string>? details = null)
    {
        var principal = context.Principal;
        var actorType = principal.Kind switch
        {
            PrincipalKind.User => AuditActorType.User,
            PrincipalKind.ApiKey => AuditActorType.ApiKey,
            PrincipalKind.System => AuditActorType.System,
            _ => AuditActorType.Anonymous,
        };
        scoped.Context.AuditEntries.Add(AuditEntry.Record(workspaceId, actorType, principal.ActorId, action, targetType, targetId,
            context.IpAddress, clock.GetUtcNow(), details));
    }
}
