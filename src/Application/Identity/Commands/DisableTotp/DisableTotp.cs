using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Mfa;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.DisableTotp;

/// <summary>
/// Turns two-factor authentication off, confirmed by the password and a current code (or an unused recovery code,
/// for a lost device). The recovery codes go with it. Wrong answers count toward the login throttle.
/// </summary>
public sealed record DisableTotp(string Password, string Code) : ICommand, IUserRequest;

internal sealed class DisableTotpHandler(
    RequestContext context,
    IRepository<User> users,
    PasswordConfirmation confirmation,
    SecondFactor secondFactor,
    ILoginThrottle throttle,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork) : IRequestHandler<DisableTotp, Unit>
{
    public async Task<Unit> Handle(DisableTotp request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        if (!user.IsTotpEnabled)
            throw new BusinessRuleException("mfa.not_enabled", "Two-factor authentication is not on.");
        confirmation.Confirm(user, request.Password, "password");
        if (!secondFactor.TryCode(user, request.Code) && !await secondFactor.TryRecoveryCodeAsync(user, request.Code, cancellationToken))
        {
            throttle.RecordFailure(LoginThrottleKey.For(user.Email));
            throw RequestValidationException.For("code", "This code is not valid or was already used.");
        }

        user.DisableTotp();
        await secondFactor.RemoveRecoveryCodesAsync(user, cancellationToken);
        auditLog.Record(AuditActions.MfaDisabled, null, "user", user.Id.ToString());
        emails.StageTwoFactorChanged(user.Email, enabled: false);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
