using System.Net.Http.Json;
using IaGenify.Application.Assistant;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Domain.Assistant;

namespace IaGenify.Api.Tests.AiTools;

/// <summary>Drives the workspace assistant through its REST routes.</summary>
public abstract class AssistantTestBase(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    protected static string AssistantUrl(Guid workspaceId, string rest) => $"/api/v1/workspaces/{workspaceId}/assistant{rest}";

    protected static async Task<Guid> StartConversationAsync(HttpClient client, Guid workspaceId)
    {
        var response = await client.PostAsync(AssistantUrl(workspaceId, "/conversations"), null);
        await response.ShouldBe(201);
        return (await response.ReadAsync<ConversationCreatedDto>()).Id;
    }

    protected static async Task<AssistantTurnDto> AskAsync(HttpClient client, Guid workspaceId, Guid conversationId, string content)
    {
        var response = await client.PostAsJsonAsync(AssistantUrl(workspaceId, $"/conversations/{conversationId}/messages"), new { content });
        await response.ShouldBe(200);
        return await response.ReadAsync<AssistantTurnDto>();
    }

    protected static Task<HttpResponseMessage> ResolveAsync(HttpClient client, Guid workspaceId, Guid actionId, string verb) =>
        client.PostAsync(AssistantUrl(workspaceId, $"/pending-actions/{actionId}/{verb}"), null);

    protected static IEnumerable<AssistantMessageDto> Messages(AssistantTurnDto turn, AssistantRole role) =>
        turn.Messages.Where(m => m.Role == role);

    protected static string LastText(AssistantTurnDto turn) =>
        Messages(turn, AssistantRole.Assistant).Last().Content!;

    protected Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}

/// <summary>The arguments of a proposed <c>websites_create</c>, as far as the tests read them.</summary>
public sealed record CreateArguments(string Name);

/// <summary>The arguments of a proposed action on one website.</summary>
public sealed record WebsiteArguments(Guid WebsiteId);
