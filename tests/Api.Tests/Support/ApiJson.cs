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
}
