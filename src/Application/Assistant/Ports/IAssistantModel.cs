using System.Text.Json;
using IaGenify.Domain.Assistant;

namespace IaGenify.Application.Assistant.Ports;

/// <summary>A tool the model may call: its name, description and JSON schema (from the AI tool registry).</summary>
public sealed record AssistantToolSpec(string Name, string Description, JsonElement Parameters);

public sealed record AssistantToolCall(string Id, string Name, JsonElement Arguments);

/// <summary>
/// One message as the model sees it. Tool results travel only as <see cref="AssistantRole.Tool"/> messages (data
/// answering a call), never as system or user text, so content read from the workspace cannot pose as instructions.
/// </summary>
public sealed record AssistantTurn(AssistantRole Role, string? Content, string? ToolCallId, string? ToolName,
    IReadOnlyList<AssistantToolCall> ToolCalls);

public sealed record AssistantModelRequest(string SystemPrompt, IReadOnlyList<AssistantTurn> Messages, IReadOnlyList<AssistantToolSpec> Tools);

/// <summary>The model's next step: text for the user, tool calls, or both. No tool calls ends the turn.</summary>
public sealed record AssistantModelReply(string? Content, IReadOnlyList<AssistantToolCall> ToolCalls, string Provider);

/// <summary>
/// The assistant's language model with function calling (OpenAI-compatible, or the offline provider that maps plain
/// requests to tools). Failures are <c>ModelException</c>s.
/// </summary>
public interface IAssistantModel
{
    Task<AssistantModelReply> NextAsync(AssistantModelRequest request, CancellationToken cancellationToken);
}
