using System.Text.Json;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IaGenify.Api.Tests.AiTools;

/// <summary>Chat completions whose answer is function calls, as an OpenAI-compatible server sends them.</summary>
internal static class FakeOpenAiToolCalls
{
    public static void EnqueueToolCall(this FakeOpenAiServer server, string id, string function, object arguments) =>
        server.EnqueueRawToolCall(id, function, JsonSerializer.Serialize(arguments));

    /// <summary>A function call whose arguments are exactly <paramref name="arguments"/>, as the model wrote them.</summary>
    public static void EnqueueRawToolCall(this FakeOpenAiServer server, string id, string function, string arguments) =>
        server.Enqueue(context => context.Response.WriteAsJsonAsync(new
        {
            id = $"chatcmpl-{id}",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-chat",
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = (string?)null,
                        tool_calls = new[] { new { id, type = "function", function = new { name = function, arguments } } },
                    },
                    finish_reason = "tool_calls",
                },
            },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));
}
