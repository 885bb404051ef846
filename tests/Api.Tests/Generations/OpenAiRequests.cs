using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Generations;

/// <summary>
/// The members of the OpenAI wire requests the adapter tests check, as the fake server recorded them. OpenAI spells
/// its members in snake_case, hence the explicit names.
/// </summary>
public sealed record ChatRequest(
    string Model,
    [property: JsonPropertyName("response_format")] ChatResponseFormat ResponseFormat,
    IReadOnlyList<ChatMessage> Messages);

public sealed record ChatResponseFormat(string Type, [property: JsonPropertyName("json_schema")] ChatJsonSchema JsonSchema);

public sealed record ChatJsonSchema(string Name, bool Strict, JsonSchemaRoot Schema);

public sealed record JsonSchemaRoot(string Type);

/// <summary><see cref="Content"/> is a string or a list of parts depending on the SDK: the tests search its text.</summary>
public sealed record ChatMessage(string Role, JsonElement Content);

public sealed record ImageRequest(string Model, [property: JsonPropertyName("response_format")] string ResponseFormat, string Prompt);

public static class OpenAiRequests
{
    public static T BodyAs<T>(this FakeRequest request) => request.Body.As<T>();
}
