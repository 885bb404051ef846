using Microsoft.AspNetCore.Authentication;

namespace IaGenify.Api.Security;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens and API keys are validated here; whether a request needs one is decided by its access policy
    /// in the Application layer, so no endpoint carries ASP.NET authorization metadata.
    /// </summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokenValidator>();
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        return services;
    }
}
