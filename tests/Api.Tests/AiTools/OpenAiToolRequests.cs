using System.Text.Json;
using System.Text.Json.Serialization;

namespace IaGenify.Api.Tests.AiTools;

/// <summary>
/// The members of the assistant's function-calling requests the tests check, as the fake OpenAI server recorded them
/// (OpenAI's snake_case names spelled out).
/// </summary>
public sealed record ToolChatRequest(IReadOnlyList<ChatTool> Tools, IReadOnlyList<ToolChatMessage> Messages);

public sealed record ChatTool(ChatFunction Function);

public sealed record ChatFunction(string Name);

/// <summary><see cref="Content"/> is a string, a list of parts or null depending on the role.</summary>
public sealed record ToolChatMessage(string Role, JsonElement? Content, [property: JsonPropertyName("tool_call_id")] string? ToolCallId);
