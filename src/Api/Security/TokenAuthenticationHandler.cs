using System.Security.Claims;
using System.Text.Encodings.Web;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Security;

/// <summary>
/// The one authentication scheme: an API key (<c>Authorization: Bearer iag_…</c> or <c>X-Api-Key</c>) or a JWT access
/// token (<c>Authorization: Bearer …</c>). A refused credential leaves the request anonymous, so every route that needs
/// a caller answers 401. One handler rather than a policy scheme forwarding to the JWT bearer handler: that pair
/// resolved two handlers and raised two event contexts per request on the hottest path (profiles in
/// docs/performance.md). The caller's <see cref="Principal"/> is handed to <see cref="PrincipalMiddleware"/> through
/// the request's items.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenValidator tokens,
    IAccessRevocations revocations,
    IOptionsMonitor<PlatformOptions> platform)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Token";
    public const string ApiKeyHeader = "X-Api-Key";

    private const string ApiKeyIdentity = "ApiKey";
    private const string ApiKeyIdClaim = "iag:api_key_id";
    private const string WorkspaceIdClaim = "iag:workspace_id";
    private const string RoleClaim = "iag:role";
    private const string BearerPrefix = "Bearer ";

    /// <summary>The caller this request authenticated as, if it authenticated.</summary>
    public static Principal? PrincipalOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.Items[typeof(Principal)] as Principal : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var header))
            return AuthenticateKeyAsync(header.ToString().Trim());
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length == 0)
            return Task.FromResult(AuthenticateResult.NoResult());
        return token.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal) ? AuthenticateKeyAsync(token) : AuthenticateTokenAsync(token);
    }

    private async Task<AuthenticateResult> AuthenticateTokenAsync(string token)
    {
        if (await tokens.ValidateAsync(token) is not { } access)
            return AuthenticateResult.Fail("The access token is invalid or expired.");
        // A signature and an expiry are not enough: the session may have been revoked, or the account erased, since
        // the token was issued. Answered from memory, without a database round trip.
        if (revocations.IsRevoked(access.UserId, access.SessionId, access.IssuedAt))
            return AuthenticateResult.Fail("The session of this token has ended.");
        Context.Items[typeof(Principal)] = Principal.ForUser(access.UserId, access.Email,
            platform.CurrentValue.IsAdmin(access.Email), access.SessionId);
        // Each request gets its own identity: nothing a request does to its principal reaches another.
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(access.Identity.Clone()), SchemeName));
    }

    private async Task<AuthenticateResult> AuthenticateKeyAsync(string presented)
    {
        var authenticator = Context.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        var principal = await authenticator.AuthenticateAsync(presented, Context.RequestAborted);
        if (principal is null)
            return AuthenticateResult.Fail("The API key is invalid, revoked or expired.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ApiKeyIdClaim, principal.ApiKeyId!.Value.ToString()),
            new Claim(WorkspaceIdClaim, principal.ApiKeyWorkspaceId!.Value.ToString()),
            new Claim(RoleClaim, principal.ApiKeyRole!.Value.ToString()),
        ], ApiKeyIdentity);
        Context.Items[typeof(Principal)] = principal;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
