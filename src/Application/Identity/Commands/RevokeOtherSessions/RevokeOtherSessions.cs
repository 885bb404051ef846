using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Persistence;
using IaGenify.Domain.Audit;
using MediatR;

namespace IaGenify.Application.Identity.Commands.RevokeOtherSessions;

/// <summary>Signs out every session of the caller except the one sending the request.</summary>
public sealed record RevokeOtherSessions : ICommand, IUserRequest;

internal sealed class RevokeOtherSessionsHandler(RequestContext context, SessionRevoker revoker, IAuditLog auditLog, IUnitOfWork unitOfWork)
    : IRequestHandler<RevokeOtherSessions, Unit>
{
    public async Task<Unit> Handle(RevokeOtherSessions request, CancellationToken cancellationToken)
    {
        var userId = context.Principal.RequireUserId();
        var revoked = await revoker.RevokeAllAsync(userId, keep: context.Principal.SessionId, cancellationToken);
        if (revoked > 0)
            auditLog.Record(AuditActions.SessionRevoked, null, "user", userId.ToString(),
                new Dictionary<string, string> { ["sessionsRevoked"] = revoked.ToString(), ["scope"] = "others" });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
