using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;

namespace IaGenify.Api.Tests.AiTools;

/// <summary>Drives the workspace assistant through its REST routes.</summary>
public abstract class AssistantTestBase(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    protected static string AssistantUrl(Guid workspaceId, string rest) => $"/api/v1/workspaces/{workspaceId}/assistant{rest}";

    protected static async Task<Guid> StartConversationAsync(HttpClient client, Guid workspaceId)
    {
        var response = await client.PostAsync(AssistantUrl(workspaceId, "/conversations"), null);
        await response.ShouldBe(201);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    protected static async Task<JsonElement> AskAsync(HttpClient client, Guid workspaceId, Guid conversationId, string content)
    {
        var response = await client.PostAsJsonAsync(AssistantUrl(workspaceId, $"/conversations/{conversationId}/messages"), new { content });
        await response.ShouldBe(200);
        return await response.Json();
    }

    protected static Task<HttpResponseMessage> ResolveAsync(HttpClient client, Guid workspaceId, Guid actionId, string verb) =>
        client.PostAsync(AssistantUrl(workspaceId, $"/pending-actions/{actionId}/{verb}"), null);

    protected static IEnumerable<JsonElement> Messages(JsonElement turn, string role) =>
        turn.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() == role);

    protected static string LastText(JsonElement turn) =>
        Messages(turn, "assistant").Last().GetProperty("content").GetString()!;

    protected Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
