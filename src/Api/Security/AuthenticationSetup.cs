using IaGenify.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IaGenify.Api.Security;

internal static class AuthenticationSetup
{
    private const string TokenScheme = "Token";

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
            });
        return services;
    }
}
