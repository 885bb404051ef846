namespace IaGenify.Application.Identity;

public sealed record UserDto(Guid Id, string Email, string DisplayName, bool EmailVerified);

/// <summary>What register, login and refresh return. <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, UserDto User);
