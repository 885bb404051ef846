using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity.Commands.Login;

/// <summary>
/// Checks the password. Without two-factor authentication it starts a session; with it, it answers a short-lived
/// single-use mfaToken for <c>LoginWithMfa</c> and no tokens.
/// </summary>
[AllowAnonymous]
public sealed record Login(string Email, string Password) : ICommand<LoginResult>;

internal sealed class LoginHandler(
    IRepository<User> users,
    IRepository<OneTimeToken> oneTimeTokens,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    AuthSessions sessions,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IdentityOptions> options) : IRequestHandler<Login, LoginResult>
{
    // Verified when the email is unknown, so that both failures take as long (no account enumeration by timing).
    private static string? _decoyHash;

    public async Task<LoginResult> Handle(Login request, CancellationToken cancellationToken)
    {
        var throttleKey = LoginThrottleKey.For(request.Email);
        if (throttle.RetryAfter(throttleKey) is { } wait)
            throw new TooManyRequestsException(wait, "Too many failed sign-in attempts. Try again later.");

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? (_decoyHash ??= hasher.Hash(SecureToken.Create())), request.Password);
        if (user is null || check == PasswordCheck.Failed)
        {
            throttle.RecordFailure(throttleKey);
            throw new UnauthenticatedException("The email or password is incorrect.");
        }
        // Told only to whoever knows the password, so that it reveals nothing about an account to others.
        user.EnsureNotSuspended();

        if (check == PasswordCheck.SucceededRehashNeeded)
            user.ChangePasswordHash(hasher.Hash(request.Password));
        if (user.IsTotpEnabled)
        {
            // The failure count is kept until the second factor succeeds too, so that a known password does not
            // reset the budget of code guesses.
            var mfaToken = SecureToken.Create();
            oneTimeTokens.Add(OneTimeToken.Issue(user.Id, OneTimeTokenPurpose.MfaLogin, SecureToken.Hash(mfaToken),
                clock.GetUtcNow(), options.Value.MfaLoginLifetime));
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new LoginResult(null, new MfaChallenge(true, mfaToken));
        }

        throttle.Reset(throttleKey);
        var session = sessions.Start(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new LoginResult(session, null);
    }
}
