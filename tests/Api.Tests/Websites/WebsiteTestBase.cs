using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Websites;

/// <summary>Helpers to create, generate and read websites through the API.</summary>
public abstract class WebsiteTestBase(ApiFixture fixture) : ApiTest(fixture)
{
    protected static string Url(Guid workspaceId, string rest = "") => $"/api/v1/workspaces/{workspaceId}/websites{rest}";

    /// <summary>Creates a website and runs its generation with the offline provider; returns its id.</summary>
    protected async Task<Guid> CreateGeneratedWebsiteAsync(Team team, string name = "Pain Doré",
        string prompt = "A small bakery in Lyon, fresh bread and pastries every morning")
    {
        var response = await team.Member.Client.PostAsJsonAsync(Url(team.WorkspaceId), new { name, prompt });
        await response.ShouldBe(202);
        var id = (await response.Json()).GetProperty("id").GetGuid();
        await DrainGenerationsAsync();
        return id;
    }

    protected static async Task<JsonElement> WebsiteAsync(HttpClient client, Guid workspaceId, Guid websiteId)
    {
        var response = await client.GetAsync(Url(workspaceId, $"/{websiteId}"));
        await response.ShouldBe(200);
        return await response.Json();
    }

    protected static JsonElement FirstSection(JsonElement website, string type) =>
        website.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("sections").EnumerateArray())
            .First(s => s.GetProperty("type").GetString() == type);
}
