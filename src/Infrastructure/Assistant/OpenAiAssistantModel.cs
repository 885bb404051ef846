using System.Text.Json;
using IaGenify.Application.Assistant;
using IaGenify.Application.Assistant.Ports;
using IaGenify.Application.Generations;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Common;
using IaGenify.Infrastructure.Generations.OpenAi;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace IaGenify.Infrastructure.Assistant;

/// <summary>
/// The assistant on any OpenAI-compatible server, with function calling: the registry's tools are offered as
/// functions, tool results go back as <c>tool</c> messages answering their call (data, never system or user text).
/// </summary>
internal sealed class OpenAiAssistantModel(IOptionsMonitor<AiOptions> ai, IOptionsMonitor<AssistantOptions> assistant) : IAssistantModel
{
    public async Task<AssistantModelReply> NextAsync(AssistantModelRequest request, CancellationToken cancellationToken)
    {
        var options = ai.CurrentValue;
        var model = string.IsNullOrWhiteSpace(assistant.CurrentValue.Model) ? options.Model : assistant.CurrentValue.Model;
        var client = new ChatClient(model, OpenAiCalls.Credential(options), OpenAiCalls.ClientOptions(options));
        var chat = new ChatCompletionOptions();
        foreach (var tool in request.Tools)
            chat.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.Parameters.GetRawText())));

        var messages = new List<ChatMessage> { new SystemChatMessage(request.SystemPrompt) };
        messages.AddRange(request.Messages.Select(ToChat).OfType<ChatMessage>());
        var completion = await OpenAiCalls.RunAsync(token => client.CompleteChatAsync(messages, chat, token), options.Timeout, cancellationToken);

        var text = string.Concat(completion.Value.Content.Select(part => part.Text));
        var calls = completion.Value.ToolCalls
            .Select(call => new AssistantToolCall(call.Id, call.FunctionName, Arguments(call.FunctionArguments)))
            .ToList();
        return new AssistantModelReply(string.IsNullOrWhiteSpace(text) ? null : text, calls, OpenAiCalls.ProviderName);
    }

    private static ChatMessage? ToChat(AssistantTurn turn) => turn.Role switch
    {
        AssistantRole.User => new UserChatMessage(turn.Content ?? ""),
        AssistantRole.Assistant when turn.ToolCalls.Count > 0 => new AssistantChatMessage(turn.ToolCalls.Select(call =>
            ChatToolCall.CreateFunctionToolCall(call.Id, call.Name, BinaryData.FromString(call.Arguments.GetRawText())))),
        AssistantRole.Assistant => string.IsNullOrEmpty(turn.Content) ? null : new AssistantChatMessage(turn.Content),
        AssistantRole.Tool => new ToolChatMessage(turn.ToolCallId ?? "", turn.Content ?? ""),
        _ => null,
    };

    /// <summary>
    /// Arguments a model wrote: a JSON object, or an empty one when it wrote something else, or text that cannot be
    /// stored and read again (a lone surrogate, NUL), which would fail the whole turn when the call is saved.
    /// </summary>
    private static JsonElement Arguments(BinaryData? arguments)
    {
        try
        {
            var parsed = arguments is null || arguments.ToMemory().Length == 0 ? default : JsonDocument.Parse(arguments.ToMemory()).RootElement.Clone();
            return parsed.ValueKind == JsonValueKind.Object && IsStorable(parsed) ? parsed : JsonDocument.Parse("{}").RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }
    }

    private static bool IsStorable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => StorableText.IsStorable(element.GetString()!),
                JsonValueKind.Array => element.EnumerateArray().All(IsStorable),
                JsonValueKind.Object => element.EnumerateObject().All(p => StorableText.IsStorable(p.Name) && IsStorable(p.Value)),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escaped in the JSON text cannot even be decoded.
            return false;
        }
    }
}
