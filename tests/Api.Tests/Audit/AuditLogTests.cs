using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Api.Tests.Audit;

public sealed class AuditLogTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Sensitive_workspace_actions_are_recorded_with_actor_and_target()
    {
        var team = await CreateTeamAsync();
        await team.Owner.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Member.Id}", new { role = "viewer" });
        await team.Admin.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}/members/{team.Viewer.Id}");

        var response = await team.Admin.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log?limit=100");

        await response.ShouldBe(200);
        var entries = (await response.ReadAsync<CursorPage<AuditEntryDto>>()).Items;
        var roleChange = entries.Single(e => e.Action == "member.role_changed");
        Assert.Equal(team.Owner.Id, roleChange.ActorId);
        Assert.Equal(team.Member.Id.ToString(), roleChange.TargetId);
        Assert.Equal("Viewer", roleChange.Details["to"]);
        var removal = entries.Single(e => e.Action == "member.removed");
        Assert.Equal(team.Admin.Id, removal.ActorId);
        Assert.Equal(3, entries.Count(e => e.Action == "invitation.created"));
        Assert.Equal(3, entries.Count(e => e.Action == "invitation.accepted"));
    }

    [Fact]
    public async Task The_log_filters_by_action_and_is_closed_to_members()
    {
        var team = await CreateTeamAsync();

        var filtered = await (await team.Owner.Client.GetAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=invitation.accepted")).ReadAsync<CursorPage<AuditEntryDto>>();

        Assert.All(filtered.Items, e => Assert.Equal("invitation.accepted", e.Action));
        await (await team.Member.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Deleting_and_restoring_a_workspace_is_recorded()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}");
        await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/restore", null);

        var actions = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log")).ReadAsync<CursorPage<AuditEntryDto>>())
            .Items.Select(e => e.Action).ToList();

        Assert.Equal(["workspace.restored", "workspace.deleted"], actions);
    }
}
