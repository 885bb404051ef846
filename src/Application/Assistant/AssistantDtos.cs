using System.Text.Json;
using IaGenify.Domain.Assistant;

namespace IaGenify.Application.Assistant;

public sealed record ConversationCreatedDto(Guid Id);

public sealed record AssistantToolCallDto(string Id, string Tool, JsonElement Arguments);

/// <summary>A message: the user's text, the assistant's text and tool calls, or a tool's JSON result (<see cref="Tool"/>).</summary>
public sealed record AssistantMessageDto(Guid Id, AssistantRole Role, string? Content, string? Tool, string? ToolCallId,
    IReadOnlyList<AssistantToolCallDto> ToolCalls, DateTimeOffset CreatedAt)
{
    public static AssistantMessageDto From(AssistantMessage message) => new(message.Id, message.Role, message.Content, message.ToolName,
        message.ToolCallId, message.ToolCalls is null ? [] : JsonSerializer.Deserialize<List<AssistantToolCallDto>>(message.ToolCalls, AssistantJson.Options)!,
        message.CreatedAt);
}

/// <summary>An action waiting for (or resolved by) the user's confirmation; <see cref="Price"/> in credits when it spends some.</summary>
public sealed record PendingActionDto(Guid Id, string Tool, JsonElement Arguments, string Summary, long? Price, PendingActionStatus Status,
    JsonElement? Result, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt)
{
    public static PendingActionDto From(PendingAction action) => new(action.Id, action.Tool, Parse(action.Arguments)!.Value, action.Summary,
        action.Price, action.Status, Parse(action.Result), action.CreatedAt, action.ResolvedAt);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>What one user message produced: the messages of the turn and the actions proposed in it.</summary>
public sealed record AssistantTurnDto(IReadOnlyList<AssistantMessageDto> Messages, IReadOnlyList<PendingActionDto> PendingActions);

public sealed record ConversationDto(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<AssistantMessageDto> Messages,
    IReadOnlyList<PendingActionDto> PendingActions)
{
    public static ConversationDto From(Conversation conversation) => new(conversation.Id, conversation.CreatedAt, conversation.UpdatedAt,
        conversation.OrderedMessages.Select(AssistantMessageDto.From).ToList(),
        conversation.PendingActions.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(PendingActionDto.From).ToList());
}
