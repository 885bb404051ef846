using IaGenify.Application.Common.Security;

namespace IaGenify.Application.AiTools;

/// <summary>
/// Who calls a tool, where and through what: the caller's own principal (tools get exactly the caller's access), the
/// workspace the session is in, the surface (<c>mcp</c>, <c>assistant</c>) and, when known, the client's name.
/// </summary>
public sealed record AiToolCaller(Principal Principal, Guid WorkspaceId, string Surface, string? Client, string? IpAddress)
{
    public const string McpSurface = "mcp";
    public const string AssistantSurface = "assistant";
}
