using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Ports;

public sealed record AccessToken(string Token, TimeSpan Lifetime);

/// <summary>Issues short-lived signed access tokens (JWT) for a user's session (the token's <c>sid</c>: the refresh-token family).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(User user, Guid sessionId);
}
