using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Admin;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class SuspensionTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_suspended_workspace_answers_queries_refuses_commands_with_423_and_unsuspending_restores_it()
    {
        var team = await CreateTeamAsync();
        var key = WithApiKey((await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "admin")).Key);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var workspace = $"/api/v1/workspaces/{team.WorkspaceId}";

        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/workspaces/{team.WorkspaceId}/suspend",
            new { reason = "Unpaid invoices" })).ShouldBe(204);

        await (await team.Owner.Client.GetAsync(workspace)).ShouldBe(200);
        await (await team.Viewer.Client.GetAsync($"{workspace}/members")).ShouldBe(200);
        await (await key.GetAsync($"{workspace}/api-keys")).ShouldBe(200);
        var refused = await (await team.Owner.Client.PatchAsJsonAsync(workspace, new { name = "Renamed" })).ShouldBeProblem(423, "workspace_suspended");
        Assert.Contains("suspended", refused.Detail);
        await (await team.Admin.Client.PostAsJsonAsync($"{workspace}/invitations", new { email = "x@example.com", role = "viewer" }))
            .ShouldBeProblem(423, "workspace_suspended");
        await (await key.PostAsJsonAsync($"{workspace}/invitations", new { email = "x@example.com", role = "viewer" }))
            .ShouldBeProblem(423, "workspace_suspended");
        await (await team.Owner.Client.DeleteAsync(workspace)).ShouldBeProblem(423, "workspace_suspended");

        await (await staff.Client.PostAsync($"/api/v1/admin/workspaces/{team.WorkspaceId}/unsuspend", null)).ShouldBe(204);

        var renamed = await team.Owner.Client.PatchAsJsonAsync(workspace, new { name = "Renamed" });
        await renamed.ShouldBe(200);
        Assert.Equal("Renamed", (await renamed.ReadAsync<WorkspaceDto>()).Name);
    }

    [Fact]
    public async Task Outsiders_and_underprivileged_members_get_their_usual_answers_not_423()
    {
        var team = await CreateTeamAsync();
        var outsider = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await staff.Client.PostAsJsonAsync($"/api/v1/admin/workspaces/{team.WorkspaceId}/suspend", new { reason = "Abuse" });

        await (await outsider.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}", new { name = "x" })).ShouldBeProblem(404);
        await (await team.Viewer.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}", new { name = "x" })).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Suspending_twice_or_unsuspending_an_active_workspace_conflicts_and_a_reason_is_required()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var admin = $"/api/v1/admin/workspaces/{workspaceId}";

        await (await staff.Client.PostAsync($"{admin}/unsuspend", null)).ShouldBeProblem(409, "workspace.not_suspended");
        var missing = await (await staff.Client.PostAsJsonAsync($"{admin}/suspend", new { reason = "  " })).ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["reason"], missing.ErrorFields());
        await (await staff.Client.PostAsJsonAsync($"{admin}/suspend", new { reason = "Fraud" })).ShouldBe(204);
        await (await staff.Client.PostAsJsonAsync($"{admin}/suspend", new { reason = "Fraud" })).ShouldBeProblem(409, "workspace.already_suspended");

        var support = await (await staff.Client.GetAsync(admin)).ReadAsync<SupportWorkspaceDto>();
        Assert.Equal("Fraud", support.SuspensionReason);
    }
}
