using IaGenify.Api.Errors;
using IaGenify.Application.AiTools;
using IaGenify.Application.Common.Security;

namespace IaGenify.Api.AiTools;

/// <summary>
/// Admits requests to <c>/mcp</c>: the same bearer JWT or workspace API key as the REST API (401 otherwise), and a
/// workspace from the <c>X-Workspace-Id</c> header or, for an API key, the key's own workspace (400 when neither).
/// Whether the caller may act in that workspace is decided per tool by the request pipeline, as for REST.
/// </summary>
internal sealed class McpGateMiddleware(RequestDelegate next)
{
    public const string Path = "/mcp";
    public const string WorkspaceHeader = "X-Workspace-Id";

    // Services are resolved on the MCP path only: every other request passes through without a DI lookup.
    public Task InvokeAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Path) ? AdmitAsync(http) : next(http);

    private async Task AdmitAsync(HttpContext http)
    {
        var context = http.RequestServices.GetRequiredService<RequestContext>();
        var session = http.RequestServices.GetRequiredService<McpSession>();
        var principal = context.Principal;
        if (principal.Kind is not (PrincipalKind.User or PrincipalKind.ApiKey))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 401, "unauthenticated",
                "Send a bearer access token or a workspace API key."));
            return;
        }
        if (WorkspaceOf(http, principal) is not { } workspaceId)
        {
            await ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 400, "workspace_required",
                $"Send the workspace id in the {WorkspaceHeader} header (an API key uses its own workspace).",
                new Dictionary<string, string[]> { [WorkspaceHeader] = ["A workspace id (UUID) is required."] }));
            return;
        }
        session.Admit(new AiToolCaller(principal, workspaceId, AiToolCaller.McpSurface, null, context.IpAddress));
        await next(http);
    }

    private static Guid? WorkspaceOf(HttpContext http, Principal principal)
    {
        var header = http.Request.Headers[WorkspaceHeader];
        if (header.Count == 1 && Guid.TryParse(header[0], out var workspaceId))
            return workspaceId;
        return header.Count == 0 ? principal.ApiKeyWorkspaceId : null;
    }
}
