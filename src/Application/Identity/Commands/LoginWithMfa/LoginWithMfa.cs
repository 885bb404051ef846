using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Mfa;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.LoginWithMfa;

/// <summary>
/// The second sign-in step: the mfaToken from <c>Login</c> with a current TOTP code or an unused recovery code.
/// The mfaToken works once and for a few minutes; wrong codes count toward the account's login throttle.
/// </summary>
[AllowAnonymous]
public sealed record LoginWithMfa(string MfaToken, string? Code, string? RecoveryCode) : ICommand<AuthResponse>;

internal sealed class LoginWithMfaHandler(
    IRepository<OneTimeToken> tokens,
    IRepository<User> users,
    SecondFactor secondFactor,
    ILoginThrottle throttle,
    AuthSessions sessions,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<LoginWithMfa, AuthResponse>
{
    private const string Expired = "This sign-in has expired or was already completed. Sign in again.";

    public async Task<AuthResponse> Handle(LoginWithMfa request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await tokens.FirstOrDefaultAsync(
            new OneTimeTokenByHashSpec(SecureToken.Hash(request.MfaToken), OneTimeTokenPurpose.MfaLogin), cancellationToken);
        if (token is null || !token.IsUsable(now))
            throw new UnauthenticatedException(Expired);
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(token.UserId), cancellationToken);
        if (user is null || user.IsDeleted || !user.IsTotpEnabled)
            throw new UnauthenticatedException(Expired);
        // Suspended between the password and the code.
        user.EnsureNotSuspended();

        var throttleKey = LoginThrottleKey.For(user.Email);
        if (throttle.RetryAfter(throttleKey) is { } wait)
            throw new TooManyRequestsException(wait, "Too many failed sign-in attempts. Try again later.");
        var usedRecoveryCode = request.RecoveryCode is { Length: > 0 };
        var accepted = usedRecoveryCode
            ? await secondFactor.TryRecoveryCodeAsync(user, request.RecoveryCode!, cancellationToken)
            : secondFactor.TryCode(user, request.Code ?? string.Empty);
        if (!accepted)
        {
            throttle.RecordFailure(throttleKey);
            throw usedRecoveryCode
                ? RequestValidationException.For("recoveryCode", "This recovery code is not valid or was already used.")
                : RequestValidationException.For("code", "This code is not valid or was already used. Wait for the next code.");
        }

        token.Consume(now);
        throttle.Reset(throttleKey);
        if (usedRecoveryCode)
            auditLog.Record(AuditActions.MfaRecoveryCodeUsed, null, "user", user.Id.ToString());
        var session = sessions.Start(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The same token, code or recovery code was used by a concurrent request: only one sign-in may win.
            throw new UnauthenticatedException(Expired);
        }
        return session;
    }
}
