using System.Text.Json;
using IaGenify.Application.AiTools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IaGenify.Api.AiTools;

/// <summary>
/// The MCP server's tool handlers over the dynamic registry: <c>tools/list</c> shows the tools the caller's role
/// permits in the session's workspace; <c>tools/call</c> runs one through <see cref="AiToolInvoker"/> as the caller.
/// The server is stateless, so the handlers run in the HTTP request's own services.
/// </summary>
internal static class McpToolHandlers
{
    public static async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        var caller = services.GetRequiredService<McpSession>().Caller;
        var tools = await services.GetRequiredService<AiToolAccess>().VisibleToAsync(caller.Principal, caller.WorkspaceId, cancellationToken);
        return new ListToolsResult { Tools = tools.Select(ToProtocol).ToList() };
    }

    public static async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        var caller = services.GetRequiredService<McpSession>().Caller with { Client = request.Server.ClientInfo?.Name };
        var arguments = request.Params?.Arguments is { } given ? JsonSerializer.SerializeToElement(given) : (JsonElement?)null;
        var result = await services.GetRequiredService<AiToolInvoker>()
            .CallAsync(caller, request.Params?.Name ?? "", arguments, cancellationToken);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = result.Content.GetRawText() }],
            StructuredContent = result.Content,
            IsError = result.IsError,
        };
    }

    private static Tool ToProtocol(AiToolDefinition tool) => new()
    {
        Name = tool.Name,
        Description = tool.Description,
        InputSchema = tool.InputSchema,
        Annotations = new ToolAnnotations
        {
            ReadOnlyHint = tool.ReadOnly,
            DestructiveHint = tool.Destructive,
            OpenWorldHint = false,
        },
    };
}
