using IaGenify.Application.Common.Security;
using IaGenify.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IaGenify.Api.Security;

internal static class AuthenticationSetup
{
    private const string TokenScheme = "Token";

    /// <summary>About 2 KB each: a few thousand users active within the cache lifetime fit comfortably.</summary>
    private const int MaxCachedTokens = 10_000;

    /// <summary>
    /// Bearer tokens and API keys are validated here; whether a request needs one is decided by its access policy
    /// in the Application layer, so no endpoint carries ASP.NET authorization metadata. A request presenting an
    /// API key goes to the key handler, any other to JWT validation.
    /// </summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(TokenScheme)
            .AddPolicyScheme(TokenScheme, null, policy => policy.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.PresentedKey(http.Request) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(jwt.SigningKeyBytes()),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevoked };
                if (jwt.ValidatedTokenCacheLifetime > TimeSpan.Zero)
                {
                    bearer.TokenHandlers.Clear();
                    bearer.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false },
                        jwt.ValidatedTokenCacheLifetime, MaxCachedTokens));
                }
            });
        return services;
    }

    /// <summary>
    /// A signature and an expiry are not enough: the session may have been revoked, or the account erased, since the
    /// token was issued. Answered from the in-memory <see cref="IAccessRevocations"/>, without a database round trip.
    /// </summary>
    private static Task RefuseRevoked(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId)
            || context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("The token names no user.");
            return Task.CompletedTask;
        }
        Guid? session = Guid.TryParse(principal!.FindFirst(JwtRegisteredClaimNames.Sid)?.Value, out var sid) ? sid : null;
        var revocations = context.HttpContext.RequestServices.GetRequiredService<IAccessRevocations>();
        if (revocations.IsRevoked(userId, session, new DateTimeOffset(token.IssuedAt, TimeSpan.Zero)))
            context.Fail("The session of this token has ended.");
        return Task.CompletedTask;
    }
}
