using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace IaGenify.Api.Tests.Support;

public abstract partial class ApiTest
{
    /// <summary>Creates an API key through the API and returns its id and secret.</summary>
    protected static async Task<TestApiKey> CreateApiKeyAsync(TestUser creator, Guid workspaceId, string role,
        DateTimeOffset? expiresAt = null, string name = "CI pipeline")
    {
        var response = await creator.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/api-keys", new { name, role, expiresAt });
        await response.ShouldBe(201);
        var body = await response.Json();
        return new TestApiKey(body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    /// <summary>A client that authenticates with the key, as <c>Authorization: Bearer</c> or as <c>X-Api-Key</c>.</summary>
    protected HttpClient WithApiKey(string key, bool asBearer = true, ApiFactory? factory = null)
    {
        var client = (factory ?? Factory).CreateClient();
        if (asBearer)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        else
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Runs a scalar SQL query against the test database (row counts, stored values).</summary>
    protected async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

public sealed record TestApiKey(Guid Id, string Key);
