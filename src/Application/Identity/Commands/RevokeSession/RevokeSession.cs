using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using MediatR;

namespace IaGenify.Application.Identity.Commands.RevokeSession;

/// <summary>
/// Signs one of the caller's sessions out: its refresh token stops working at once and its access token is refused
/// by the revocation check (or lapses within its short lifetime). Another user's session id is a 404.
/// </summary>
public sealed record RevokeSession(Guid SessionId) : ICommand, IUserRequest;

internal sealed class RevokeSessionHandler(RequestContext context, SessionRevoker revoker, IAuditLog auditLog, IUnitOfWork unitOfWork)
    : IRequestHandler<RevokeSession, Unit>
{
    public async Task<Unit> Handle(RevokeSession request, CancellationToken cancellationToken)
    {
        var userId = context.Principal.RequireUserId();
        if (!await revoker.RevokeAsync(userId, request.SessionId, cancellationToken))
            throw new NotFoundException("Session");
        auditLog.Record(AuditActions.SessionRevoked, null, "session", request.SessionId.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
