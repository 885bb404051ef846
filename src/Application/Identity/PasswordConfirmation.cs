using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity;

/// <summary>
/// A signed-in user re-enters their password to confirm a sensitive change. A wrong one is a 400 on the field (not a
/// 401, which clients read as "session expired") and counts toward the login throttle of the account.
/// </summary>
public sealed class PasswordConfirmation(IPasswordHasher hasher, ILoginThrottle throttle)
{
    public void Confirm(User user, string password, string field)
    {
        var key = LoginThrottleKey.For(user.Email);
        if (throttle.RetryAfter(key) is { } wait)
            throw new TooManyRequestsException(wait, "Too many failed attempts. Try again later.");
        if (hasher.Verify(user.PasswordHash, password) != PasswordCheck.Failed)
            return;
        throttle.RecordFailure(key);
        throw RequestValidationException.For(field, "The password is incorrect.");
    }
}
