using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// Reads responses into the records the endpoints return, with the API's own wire rules (camelCase, enums as camelCase
/// strings, strict numbers), so a renamed field breaks the build instead of a string lookup.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Options)
        ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered null for {typeof(T).Name}.");

    /// <summary>
    /// Reads a body the test already holds as text: a response body can be read once, so a test that also checks the
    /// raw document (an absent member, a secret that must not appear) reads the text first and the record from it.
    /// </summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"The body is null, not a {typeof(T).Name}.");
}
