using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using Mapster;
using MediatR;

namespace IaGenify.Application.Admin.Commands.SuspendUser;

/// <summary>
/// Keeps an account out of the platform: every session ends, its access tokens are refused on every replica (the
/// suspension feeds the revocation set like an erasure does), it cannot sign in, and the API keys it created stop.
/// </summary>
public sealed record SuspendUser(Guid UserId, string Reason) : ICommand<AdminUserDto>, IPlatformAdminRequest;

internal sealed class SuspendUserHandler(
    IRepository<User> users,
    SessionRevoker sessions,
    RequestContext context,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<SuspendUser, AdminUserDto>
{
    public async Task<AdminUserDto> Handle(SuspendUser request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(request.UserId), cancellationToken);
        if (user is null || user.IsDeleted)
            throw new NotFoundException("User");
        // The platform's own callers (CLI, workers) have no account, so nothing to compare with.
        user.Suspend(request.Reason, context.Principal.UserId ?? Guid.Empty, clock.GetUtcNow());
        await sessions.RevokeAllAsync(user.Id, keep: null, cancellationToken);
        auditLog.Record(AuditActions.UserSuspended, null, "user", user.Id.ToString(),
            new Dictionary<string, string> { ["reason"] = user.SuspensionReason! });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return user.Adapt<AdminUserDto>();
    }
}
