using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Ports;

public sealed record AccessToken(string Token, TimeSpan Lifetime);

/// <summary>Issues short-lived signed access tokens (JWT) for a user's session (the token's <c>sid</c>: the refresh-token family).</summary>
public interface IAccessTokenIssuer
{
    /// <summary>The token names its session (<c>sid</c>, the refresh-token family) so that revoking it ends the token too.</summary>
    AccessToken Issue(User user, Guid? sessionId = null);
}
