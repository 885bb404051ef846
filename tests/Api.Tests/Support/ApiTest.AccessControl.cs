using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Application.ApiKeys;
using Npgsql;

namespace IaGenify.Api.Tests.Support;

public abstract partial class ApiTest
{
    /// <summary>
    /// Creates an API key through the API and returns its id and secret. API access is a paid-plan entitlement, so the
    /// workspace is first put on Pro (<see cref="SubscribeToPlanAsync"/>).
    /// </summary>
    protected async Task<TestApiKey> CreateApiKeyAsync(TestUser creator, Guid workspaceId, string role,
        DateTimeOffset? expiresAt = null, string name = "CI pipeline")
    {
        await SubscribeToPlanAsync(workspaceId);
        var response = await creator.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/api-keys", new { name, role, expiresAt });
        await response.ShouldBe(201);
        var created = await response.ReadAsync<CreatedApiKeyDto>();
        return new TestApiKey(created.Id, created.Key);
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
