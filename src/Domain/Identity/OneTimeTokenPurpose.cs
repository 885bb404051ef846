namespace IaGenify.Domain.Identity;

public enum OneTimeTokenPurpose
{
    EmailVerification = 1,
    PasswordReset = 2,
}
