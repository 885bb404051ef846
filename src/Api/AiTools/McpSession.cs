using IaGenify.Application.AiTools;

namespace IaGenify.Api.AiTools;

/// <summary>
/// The MCP caller of the current HTTP request (scoped), set by <see cref="McpGateMiddleware"/> once the request is
/// authenticated and its workspace known; the MCP handlers read it from the request's services.
/// </summary>
internal sealed class McpSession
{
    private AiToolCaller? _caller;

    public AiToolCaller Caller => _caller ?? throw new InvalidOperationException("The MCP request was not admitted by the gate.");

    public void Admit(AiToolCaller caller) => _caller = caller;
}
