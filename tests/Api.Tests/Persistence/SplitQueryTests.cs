using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Domain.Assistant;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Persistence;

/// <summary>
/// Loading several collections in one join repeats rows (and EF logs <c>MultipleCollectionIncludeWarning</c> on every
/// such query): the specifications that do it ask for split queries. Test hosts turn the warning into an error
/// (<see cref="ApiFactory"/>), so every API test would fail on a query that forgets it.
/// </summary>
public sealed class SplitQueryTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    [Fact]
    public async Task Under_test_a_query_of_two_collections_in_one_join_is_an_error()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var single = () => db.Set<Conversation>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Include(c => c.Messages).Include(c => c.PendingActions).ToListAsync();
        var split = await db.Set<Conversation>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Include(c => c.Messages).Include(c => c.PendingActions).AsSplitQuery().ToListAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(single);
        Assert.Contains("MultipleCollectionIncludeWarning", error.Message);
        Assert.Empty(split);
    }

    [Fact]
    public async Task Websites_and_assistant_conversations_load_with_their_collections()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        var conversation = await team.Member.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/assistant/conversations", new { });
        await conversation.ShouldBe(201);
        var conversationId = (await conversation.Json()).GetProperty("id").GetGuid();

        var website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, websiteId);
        var loaded = await team.Member.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/assistant/conversations/{conversationId}");

        Assert.NotEmpty(website.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("sections").EnumerateArray()));
        await loaded.ShouldBe(200);
    }
}
