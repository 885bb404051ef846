using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Sessions;
using IaGenify.Domain.Identity;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity;

/// <summary>
/// Starts or continues a session: an access token plus the next refresh token of a rotation family. The family is
/// the session; each new link records the coarse client and network of the request that obtained it.
/// </summary>
public sealed class AuthSessions(
    IRepository<RefreshToken> refreshTokens,
    IAccessTokenIssuer accessTokens,
    RequestContext context,
    TimeProvider clock,
    IOptions<IdentityOptions> options)
{
    /// <summary>Stages the first refresh token of a new family; the caller commits it with the rest of its unit of work.</summary>
    public AuthResponse Start(User user)
    {
        var secret = SecureToken.Create();
        var token = RefreshToken.Issue(user.Id, Guid.CreateVersion7(), SecureToken.Hash(secret), clock.GetUtcNow(),
            options.Value.RefreshTokenLifetime, ClientDescription.Describe(context.UserAgent), NetworkPrefix.Of(context.IpAddress));
        return Stage(user, token, secret);
    }

    /// <summary>Stages the link that follows <paramref name="exchanged"/> in its family.</summary>
    public AuthResponse Continue(User user, RefreshToken exchanged)
    {
        var secret = SecureToken.Create();
        var token = exchanged.Successor(SecureToken.Hash(secret), clock.GetUtcNow(), options.Value.RefreshTokenLifetime,
            ClientDescription.Describe(context.UserAgent), NetworkPrefix.Of(context.IpAddress));
        return Stage(user, token, secret);
    }

    private AuthResponse Stage(User user, RefreshToken token, string secret)
    {
        refreshTokens.Add(token);
        var access = accessTokens.Issue(user, token.FamilyId);
        return new AuthResponse(access.Token, secret, (int)access.Lifetime.TotalSeconds, ToDto(user));
    }

    public static UserDto ToDto(User user) => new(user.Id, user.Email, user.DisplayName, user.IsEmailVerified);
}
