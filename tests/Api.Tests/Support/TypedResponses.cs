using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// Responses read into the Application's response records (or test-local ones), so that renaming a field breaks the
/// build instead of a string lookup.
/// </summary>
public static class TypedResponses
{
    /// <summary>The API's JSON conventions: camelCase names, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static async Task<T> Body<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApiJson)
        ?? throw new InvalidOperationException($"The response to {response.RequestMessage?.RequestUri} has no {typeof(T).Name} body.");
}
