using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;

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
        var workspace = await response.Json();
        Assert.Equal("Acme", workspace.GetProperty("name").GetString());
        Assert.Equal(4, workspace.GetProperty("memberCount").GetInt32());
        Assert.Equal(1, workspace.GetProperty("activeApiKeyCount").GetInt32());
        var roles = workspace.GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("userId").GetGuid(), m => m.GetProperty("role").GetString());
        Assert.Equal("owner", roles[team.Owner.Id]);
        Assert.Equal("admin", roles[team.Admin.Id]);
        Assert.Equal("member", roles[team.Member.Id]);
        Assert.Equal("viewer", roles[team.Viewer.Id]);
        Assert.Equal(team.Viewer.Email, workspace.GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("userId").GetGuid() == team.Viewer.Id).GetProperty("email").GetString());
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

        var item = (await (await staff.Client.GetAsync("/api/v1/admin/workspaces?search=suspicious")).Json()).GetProperty("items")[0];

        Assert.Equal(System.Text.Json.JsonValueKind.String, item.GetProperty("suspendedAt").ValueKind);
    }
}
