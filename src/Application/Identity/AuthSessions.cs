using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Identity;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity;

/// <summary>Starts or continues a session: an access token plus the next refresh token of a rotation family.</summary>
public sealed class AuthSessions(
    IRepository<RefreshToken> refreshTokens,
    IAccessTokenIssuer accessTokens,
    TimeProvider clock,
    IOptions<IdentityOptions> options)
{
    /// <summary>Stages the new refresh token; the caller commits it with the rest of its unit of work.</summary>
    public AuthResponse Issue(User user, Guid? familyId = null)
    {
        var secret = SecureToken.Create();
        var session = familyId ?? Guid.CreateVersion7();
        refreshTokens.Add(RefreshToken.Issue(user.Id, session, SecureToken.Hash(secret),
            clock.GetUtcNow(), options.Value.RefreshTokenLifetime));
        var access = accessTokens.Issue(user, session);
        return new AuthResponse(access.Token, secret, (int)access.Lifetime.TotalSeconds, ToDto(user));
    }

    public static UserDto ToDto(User user) => new(user.Id, user.Email, user.DisplayName, user.IsEmailVerified);
}
