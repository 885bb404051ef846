using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Admin;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class SupportAccessTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Staff_read_a_workspace_with_its_members_and_roles()
    {
        var team = await CreateTeamAsync();
        await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "viewer");
        var revoked = await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "viewer");
        await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}/api-keys/{revoked.Id}");
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var response = await staff.Client.GetAsync($"/api/v1/admin/workspaces/{team.WorkspaceId}");

        await response.ShouldBe(200);
        var workspace = await response.ReadAsync<SupportWorkspaceDto>();
        Assert.Equal("Acme", workspace.Name);
        Assert.Equal(4, workspace.MemberCount);
        Assert.Equal(1, workspace.ActiveApiKeyCount);
        var roles = workspace.Members.ToDictionary(m => m.UserId, m => m.Role);
        Assert.Equal(Role.Owner, roles[team.Owner.Id]);
        Assert.Equal(Role.Admin, roles[team.Admin.Id]);
        Assert.Equal(Role.Member, roles[team.Member.Id]);
        Assert.Equal(Role.Viewer, roles[team.Viewer.Id]);
        Assert.Equal(team.Viewer.Email, workspace.Members.Single(m => m.UserId == team.Viewer.Id).Email);
    }

    [Fact]
    public async Task Support_routes_are_closed_to_customers_and_keys_and_unknown_workspaces_are_404()
    {
        var team = await CreateTeamAsync();
        var key = WithApiKey((await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "admin")).Key);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var path = $"/api/v1/admin/workspaces/{team.WorkspaceId}";

        await (await team.Owner.Client.GetAsync(path)).ShouldBeProblem(403, "platform_admin_required");
        await (await team.Owner.Client.PostAsJsonAsync($"{path}/suspend", new { reason = "x" })).ShouldBeProblem(403, "platform_admin_required");
        await (await key.PostAsync($"{path}/unsuspend", null)).ShouldBeProblem(403, "platform_admin_required");
        await (await Anonymous().GetAsync(path)).ShouldBeProblem(401);
        await (await staff.Client.GetAsync($"/api/v1/admin/workspaces/{Guid.NewGuid()}")).ShouldBeProblem(404, "not_found");
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/workspaces/{Guid.NewGuid()}/suspend", new { reason = "x" }))
            .ShouldBeProblem(404, "not_found");
    }

    [Fact]
    public async Task The_workspace_list_shows_which_workspaces_are_suspended()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner, "Suspicious Shop");
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/workspaces/{workspaceId}/suspend", new { reason = "Spam" })).ShouldBe(204);

        var item = (await (await staff.Client.GetAsync("/api/v1/admin/workspaces?search=suspicious")).ReadAsync<CursorPage<AdminWorkspaceDto>>()).Items[0];

        Assert.NotNull(item.SuspendedAt);
    }
}
