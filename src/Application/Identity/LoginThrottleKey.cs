using IaGenify.Domain.Common;

namespace IaGenify.Application.Identity;

/// <summary>
/// The login throttle key of an account. Wrong passwords at sign-in, wrong second-factor codes and wrong current
/// passwords of a signed-in user all count against it, so no path offers a larger guessing budget than another.
/// </summary>
public static class LoginThrottleKey
{
    public static string For(string email) => "login:" + EmailAddress.Normalize(email);
}
