using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class MemberTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Every_member_sees_the_member_list_with_roles()
    {
        var team = await CreateTeamAsync();

        var response = await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/members");

        await response.ShouldBe(200);
        var roles = (await response.ReadAsync<CursorPage<MemberDto>>()).Items.ToDictionary(m => m.UserId, m => m.Role);
        Assert.Equal(Role.Owner, roles[team.Owner.Id]);
        Assert.Equal(Role.Admin, roles[team.Admin.Id]);
        Assert.Equal(Role.Member, roles[team.Member.Id]);
        Assert.Equal(Role.Viewer, roles[team.Viewer.Id]);
    }

    [Fact]
    public async Task A_member_cannot_invite()
    {
        var team = await CreateTeamAsync();
        var response = await team.Member.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "friend@example.com", role = "viewer" });
        await response.ShouldBeProblem(403);
    }

    [Fact]
    public async Task An_admin_manages_members_and_viewers_but_not_admins_or_owners()
    {
        var team = await CreateTeamAsync();
        var members = $"/api/v1/workspaces/{team.WorkspaceId}/members";

        await (await team.Admin.Client.PatchAsJsonAsync($"{members}/{team.Viewer.Id}", new { role = "member" })).ShouldBe(200);
        await (await team.Admin.Client.PatchAsJsonAsync($"{members}/{team.Member.Id}", new { role = "admin" })).ShouldBeProblem(403, "member.owner_required");
        await (await team.Admin.Client.PatchAsJsonAsync($"{members}/{team.Owner.Id}", new { role = "viewer" })).ShouldBeProblem(403);
        await (await team.Admin.Client.DeleteAsync($"{members}/{team.Owner.Id}")).ShouldBeProblem(403);
        await (await team.Admin.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "boss@example.com", role = "admin" })).ShouldBeProblem(403);
    }

    [Fact]
    public async Task An_owner_promotes_an_admin_to_owner()
    {
        var team = await CreateTeamAsync();

        var response = await team.Owner.Client.PatchAsJsonAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Admin.Id}", new { role = "owner" });

        await response.ShouldBe(200);
        Assert.Equal(Role.Owner, (await response.ReadAsync<MemberDto>()).Role);
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_or_be_demoted()
    {
        var team = await CreateTeamAsync();
        var self = $"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Owner.Id}";

        await (await team.Owner.Client.DeleteAsync(self)).ShouldBeProblem(409, "workspace.last_owner");
        await (await team.Owner.Client.PatchAsJsonAsync(self, new { role = "admin" })).ShouldBeProblem(409, "workspace.last_owner");
    }

    [Fact]
    public async Task An_owner_can_leave_once_another_owner_exists()
    {
        var team = await CreateTeamAsync();
        await team.Owner.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Admin.Id}", new { role = "owner" });

        await (await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Owner.Id}")).ShouldBe(204);

        await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_viewer_can_leave_but_cannot_remove_others()
    {
        var team = await CreateTeamAsync();
        var members = $"/api/v1/workspaces/{team.WorkspaceId}/members";

        await (await team.Viewer.Client.DeleteAsync($"{members}/{team.Member.Id}")).ShouldBeProblem(403);
        await (await team.Viewer.Client.DeleteAsync($"{members}/{team.Viewer.Id}")).ShouldBe(204);
        await (await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task An_unknown_role_is_400()
    {
        var team = await CreateTeamAsync();
        var response = await team.Owner.Client.PatchAsJsonAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Member.Id}", new { role = "emperor" });
        Assert.Contains("role", (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task Changing_the_role_of_a_non_member_is_404()
    {
        var team = await CreateTeamAsync();
        var response = await team.Owner.Client.PatchAsJsonAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/members/{Guid.NewGuid()}", new { role = "viewer" });
        await response.ShouldBeProblem(404);
    }
}
