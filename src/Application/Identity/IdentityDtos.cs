namespace IaGenify.Application.Identity;

public sealed record UserDto(Guid Id, string Email, string DisplayName, bool EmailVerified);

/// <summary>What register, login and refresh return. <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, UserDto User);

/// <summary>The first sign-in step succeeded and a second factor is due: send <see cref="MfaToken"/> with a code to <c>/auth/login/mfa</c>.</summary>
public sealed record MfaChallenge(bool MfaRequired, string MfaToken);

/// <summary>What login returns: a session, or a challenge when the account uses two-factor authentication.</summary>
public sealed record LoginResult(AuthResponse? Session, MfaChallenge? Challenge);
