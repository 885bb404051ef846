using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IaGenify.Api.Security;

/// <summary>Translates the authenticated HTTP user (a JWT user or an API key) into the request context the Application layer reads.</summary>
internal sealed class PrincipalMiddleware(RequestDelegate next, IOptionsMonitor<PlatformOptions> platform)
{
    public Task InvokeAsync(HttpContext http, RequestContext context)
    {
        context.IpAddress = http.Connection.RemoteIpAddress?.ToString();
        context.UserAgent = http.Request.Headers.UserAgent.ToString();
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (ApiKeyAuthenticationHandler.PrincipalOf(http) is { } apiKey)
                context.Principal = apiKey;
            else if (Guid.TryParse(user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId)
                     && user.FindFirst(JwtRegisteredClaimNames.Email)?.Value is { } email)
                context.Principal = Principal.ForUser(userId, email, platform.CurrentValue.IsAdmin(email),
                    Guid.TryParse(user.FindFirst(JwtRegisteredClaimNames.Sid)?.Value, out var sessionId) ? sessionId : null);
        }
        return next(http);
    }
}
