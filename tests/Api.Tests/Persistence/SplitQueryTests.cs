using IaGenify.Api.Tests.Support;
using IaGenify.Domain.Assistant;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Persistence;

/// <summary>
/// Loading several collections in one join repeats rows (and EF logs <c>MultipleCollectionIncludeWarning</c> on every
/// such query): the specifications that do it ask for split queries. The test host turns the warning into an error, so
/// any read, in any test, answers 500 if its query goes back to a single join.
/// </summary>
public sealed class SplitQueryTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Under_this_host_a_query_of_two_collections_in_one_join_is_an_error()
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
    public async Task The_staff_workspace_list_projects_its_member_count_without_a_single_join()
    {
        var owner = await RegisterAsync();
        await CreateWorkspaceAsync(owner, "Acme Split");
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var listed = await staff.Client.GetAsync("/api/v1/admin/workspaces?search=split");

        await listed.ShouldBe(200);
    }
}
