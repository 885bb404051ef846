using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.Login;

[AllowAnonymous]
public sealed record Login(string Email, string Password) : ICommand<AuthResponse>;

internal sealed class LoginHandler(
    IRepository<User> users,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    AuthSessions sessions,
    IUnitOfWork unitOfWork) : IRequestHandler<Login, AuthResponse>
{
    // Verified when the email is unknown, so that both failures take as long (no account enumeration by timing).
    private static string? _decoyHash;

    public async Task<AuthResponse> Handle(Login request, CancellationToken cancellationToken)
    {
        var throttleKey = "login:" + EmailAddress.Normalize(request.Email);
        if (throttle.RetryAfter(throttleKey) is { } wait)
            throw new TooManyRequestsException(wait, "Too many failed sign-in attempts. Try again later.");

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? (_decoyHash ??= hasher.Hash(SecureToken.Create())), request.Password);
        if (user is null || check == PasswordCheck.Failed)
        {
            throttle.RecordFailure(throttleKey);
            throw new UnauthenticatedException("The email or password is incorrect.");
        }

        throttle.Reset(throttleKey);
        if (check == PasswordCheck.SucceededRehashNeeded)
            user.ChangePasswordHash(hasher.Hash(request.Password));
        var session = sessions.Issue(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return session;
    }
}
