using System.Security.Claims;
using System.Text.Encodings.Web;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Security;

/// <summary>
/// Authenticates automation clients by API key, sent as <c>Authorization: Bearer iag_…</c> or <c>X-Api-Key</c>.
/// A refused key leaves the request anonymous, so every route that needs a caller answers 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private const string ApiKeyIdClaim = "iag:api_key_id";
    private const string WorkspaceIdClaim = "iag:workspace_id";
    private const string RoleClaim = "iag:role";
    private const string BearerPrefix = "Bearer ";

    /// <summary>The key the request presents, if it presents one; a JWT bearer token is not a key.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header))
            return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var token = authorization[BearerPrefix.Length..].Trim();
        return token.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal) ? token : null;
    }

    public static Principal? ToPrincipal(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == SchemeName
        && Guid.TryParse(user.FindFirst(ApiKeyIdClaim)?.Value, out var apiKeyId)
        && Guid.TryParse(user.FindFirst(WorkspaceIdClaim)?.Value, out var workspaceId)
        && Enum.TryParse<Role>(user.FindFirst(RoleClaim)?.Value, out var role)
            ? Principal.ForApiKey(apiKeyId, workspaceId, role)
            : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
            return AuthenticateResult.NoResult();
        var principal = await authenticator.AuthenticateAsync(presented, Context.RequestAborted);
        if (principal is null)
            return AuthenticateResult.Fail("The API key is invalid, revoked or expired.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ApiKeyIdClaim, principal.ApiKeyId!.Value.ToString()),
            new Claim(WorkspaceIdClaim, principal.ApiKeyWorkspaceId!.Value.ToString()),
            new Claim(RoleClaim, principal.ApiKeyRole!.Value.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
