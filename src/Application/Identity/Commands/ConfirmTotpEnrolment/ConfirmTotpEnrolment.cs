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

namespace IaGenify.Application.Identity.Commands.ConfirmTotpEnrolment;

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Turns two-factor authentication on with the first code of the pending secret, and answers ten single-use
/// recovery codes (shown once, stored hashed).
/// </summary>
public sealed record ConfirmTotpEnrolment(string Code) : ICommand<RecoveryCodesDto>, IUserRequest;

internal sealed class ConfirmTotpEnrolmentHandler(
    RequestContext context,
    IRepository<User> users,
    ITotpAuthenticator totp,
    IMfaSecretProtector protector,
    SecondFactor secondFactor,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ConfirmTotpEnrolment, RecoveryCodesDto>
{
    public async Task<RecoveryCodesDto> Handle(ConfirmTotpEnrolment request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        if (user.IsTotpEnabled || user.TotpSecret is null)
            throw new BusinessRuleException("mfa.not_pending", "There is no two-factor enrolment to confirm. Start one first.");
        var now = clock.GetUtcNow();
        var step = totp.MatchStep(protector.Unprotect(user.TotpSecret), request.Code, now)
            ?? throw RequestValidationException.For("code", "This code is not valid. Check the time of your device and try the current code.");

        user.ConfirmTotp(step, now);
        var codes = await secondFactor.ReplaceRecoveryCodesAsync(user, cancellationToken);
        auditLog.Record(AuditActions.MfaEnabled, null, "user", user.Id.ToString());
        emails.StageTwoFactorChanged(user.Email, enabled: true);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RecoveryCodesDto(codes);
    }
}
