using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Websites;

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
        var id = (await response.ReadAsync<CreatedWebsiteDto>()).Id;
        await DrainGenerationsAsync();
        return id;
    }

    protected static async Task<WebsiteDto> WebsiteAsync(HttpClient client, Guid workspaceId, Guid websiteId)
    {
        var response = await client.GetAsync(Url(workspaceId, $"/{websiteId}"));
        await response.ShouldBe(200);
        return await response.ReadAsync<WebsiteDto>();
    }

    protected static SectionDto FirstSection(WebsiteDto website, string type) =>
        website.Pages.SelectMany(p => p.Sections).First(s => s.Type == type);

    /// <summary>
    /// The heading every section type carries. Section props are free-form JSON checked against the section catalogue
    /// (no record holds them), so this is the one place tests read a prop by name.
    /// </summary>
    protected static string? Heading(SectionDto section) => section.Props.GetProperty("heading").GetString();
}
