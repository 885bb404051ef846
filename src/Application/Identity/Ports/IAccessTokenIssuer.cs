using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Ports;

public sealed record AccessToken(string Token, TimeSpan Lifetime);

/// <summary>Issues short-lived signed access tokens (JWT) for a user.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(User user);
}
