using IaGenify.Application.Common.Security;

namespace IaGenify.Api.Security;

/// <summary>Hands the authenticated caller (a JWT user or an API key) and the client's address to the request context the Application layer reads.</summary>
internal sealed class PrincipalMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, RequestContext context)
    {
        context.IpAddress = http.Connection.RemoteIpAddress?.ToString();
        context.UserAgent = http.Request.Headers.UserAgent.ToString();
        if (TokenAuthenticationHandler.PrincipalOf(http) is { } principal)
            context.Principal = principal;
        return next(http);
    }
}
