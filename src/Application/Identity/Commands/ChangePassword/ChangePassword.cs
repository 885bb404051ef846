using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.ChangePassword;

/// <summary>
/// The caller changes their password, confirming the current one. Every other session is signed out (the one
/// making the change stays), and a notice goes to the account's address.
/// </summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand, IUserRequest;

internal sealed class ChangePasswordHandler(
    RequestContext context,
    IRepository<User> users,
    PasswordConfirmation confirmation,
    IPasswordHasher hasher,
    SessionRevoker revoker,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork) : IRequestHandler<ChangePassword, Unit>
{
    public async Task<Unit> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        confirmation.Confirm(user, request.CurrentPassword, "currentPassword");

        user.ChangePasswordHash(hasher.Hash(request.NewPassword));
        var revoked = await revoker.RevokeAllAsync(user.Id, keep: context.Principal.SessionId, cancellationToken);
        auditLog.Record(AuditActions.AccountPasswordChanged, null, "user", user.Id.ToString(),
            new Dictionary<string, string> { ["sessionsRevoked"] = revoked.ToString() });
        emails.StagePasswordChanged(user.Email);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
