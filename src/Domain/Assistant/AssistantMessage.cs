using IaGenify.Domain.Common;

namespace IaGenify.Domain.Assistant;

/// <summary>
/// One message of a conversation. A tool message holds a tool's JSON result: it is data for the model, never an
/// instruction. An assistant message may carry tool calls (<see cref="ToolCalls"/>, JSON).
/// </summary>
public sealed class AssistantMessage : Entity, ITenantOwned
{
    private AssistantMessage()
    {
    }

    internal AssistantMessage(Guid workspaceId, Guid conversationId, int sequence, AssistantRole role, string? content,
        string? toolCallId, string? toolName, string? toolCalls, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        ConversationId = conversationId;
        Sequence = sequence;
        Role = role;
        Content = content;
        ToolCallId = toolCallId;
        ToolName = toolName;
        ToolCalls = toolCalls;
        CreatedAt = now;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ConversationId { get; private set; }
    public int Sequence { get; private set; }
    public AssistantRole Role { get; private set; }
    public string? Content { get; private set; }
    public string? ToolCallId { get; private set; }
    public string? ToolName { get; private set; }
    public string? ToolCalls { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
