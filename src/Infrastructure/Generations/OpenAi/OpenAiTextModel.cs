using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace IaGenify.Infrastructure.Generations.OpenAi;

/// <summary>
/// Chat completions on any OpenAI-compatible server (<c>POST {Ai:Endpoint}/chat/completions</c>) with a strict JSON
/// schema as the response format. The answer is validated by the caller, not trusted.
/// </summary>
internal sealed class OpenAiTextModel(IOptionsMonitor<AiOptions> options) : ITextModel
{
    public async Task<TextModelReply> CompleteJsonAsync(TextModelRequest request, CancellationToken cancellationToken)
    {
        var ai = options.CurrentValue;
        var client = new ChatClient(request.Settings.Model, OpenAiCalls.Credential(ai), OpenAiCalls.ClientOptions(ai));
        var chat = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName, BinaryData.FromString(request.JsonSchema),
                jsonSchemaIsStrict: true),
            Temperature = request.Settings.Temperature is { } temperature ? (float)temperature : null,
            MaxOutputTokenCount = request.Settings.MaxTokens,
        };
        ChatMessage[] messages = [new SystemChatMessage(request.SystemPrompt), new UserChatMessage(request.UserPrompt)];
        var completion = await OpenAiCalls.RunAsync(token => client.CompleteChatAsync(messages, chat, token), ai.Timeout, cancellationToken);
        var text = string.Concat(completion.Value.Content.Select(part => part.Text));
        return new TextModelReply(text, OpenAiCalls.ProviderName, completion.Value.Model ?? request.Settings.Model);
    }
}
