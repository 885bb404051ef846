namespace IaGenify.Domain.Identity;

public enum OneTimeTokenPurpose
{
    EmailVerification = 1,
    PasswordReset = 2,
    /// <summary>The second step of a sign-in with two-factor authentication (the mfaToken).</summary>
    MfaLogin = 3,
    /// <summary>Sent to a new address; <see cref="OneTimeToken.Data"/> holds that address.</summary>
    EmailChange = 4,
}
