using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity.Queries.GetMe;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class WorkspaceTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Creating_a_workspace_makes_the_caller_its_owner()
    {
        var user = await RegisterAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/workspaces", new { name = "  Acme Studio " });

        await response.ShouldBe(201);
        var workspace = await response.ReadAsync<WorkspaceDto>();
        Assert.Equal("Acme Studio", workspace.Name);
        Assert.Equal(Role.Owner, workspace.Role);
        Assert.EndsWith($"/api/v1/workspaces/{workspace.Id}", response.Headers.Location!.ToString());
        var me = await (await user.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal(Role.Owner, me.Workspaces[0].Role);
    }

    [Fact]
    public async Task A_blank_name_is_400()
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsJsonAsync("/api/v1/workspaces", new { name = "   " });
        Assert.Contains("name", (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task My_workspaces_are_paged_with_a_cursor()
    {
        var user = await RegisterAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CreateWorkspaceAsync(user, $"W{i}"));

        var first = await (await user.Client.GetAsync("/api/v1/workspaces?limit=2")).ReadAsync<CursorPage<WorkspaceDto>>();
        var cursor = first.NextCursor;
        var second = await (await user.Client.GetAsync($"/api/v1/workspaces?limit=2&cursor={cursor}")).ReadAsync<CursorPage<WorkspaceDto>>();

        var seen = first.Items.Concat(second.Items).Select(w => w.Id).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task An_admin_renames_but_a_viewer_cannot()
    {
        var team = await CreateTeamAsync();

        var byAdmin = await team.Admin.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}", new { name = "Renamed" });
        var byViewer = await team.Viewer.Client.PatchAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}", new { name = "Nope" });

        await byAdmin.ShouldBe(200);
        Assert.Equal("Renamed", (await byAdmin.ReadAsync<WorkspaceDto>()).Name);
        await byViewer.ShouldBeProblem(403, "permission_denied");
    }

    [Fact]
    public async Task Reading_a_workspace_shows_its_current_row_and_each_callers_own_role()
    {
        var team = await CreateTeamAsync();
        var url = $"/api/v1/workspaces/{team.WorkspaceId}";
        await (await team.Admin.Client.PatchAsJsonAsync(url, new { name = "Renamed" })).ShouldBe(200);

        var byViewer = await (await team.Viewer.Client.GetAsync(url)).ReadAsync<WorkspaceDto>();
        var byOwner = await (await team.Owner.Client.GetAsync(url)).ReadAsync<WorkspaceDto>();

        Assert.Equal((team.WorkspaceId, "Renamed", Role.Viewer), (byViewer.Id, byViewer.Name, byViewer.Role));
        Assert.Equal(Role.Owner, byOwner.Role);
        Assert.Null(byOwner.DeletedAt);
        Assert.False(byOwner.RequireMfa);
    }

    [Fact]
    public async Task A_removed_member_cannot_read_the_workspace_on_the_very_next_request()
    {
        var team = await CreateTeamAsync();
        var url = $"/api/v1/workspaces/{team.WorkspaceId}";
        await (await team.Member.Client.GetAsync(url)).ShouldBe(200);

        await (await team.Owner.Client.DeleteAsync($"{url}/members/{team.Member.Id}")).ShouldBe(204);

        await (await team.Member.Client.GetAsync(url)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Only_an_owner_deletes_and_the_workspace_then_disappears()
    {
        var team = await CreateTeamAsync();
        var url = $"/api/v1/workspaces/{team.WorkspaceId}";

        await (await team.Admin.Client.DeleteAsync(url)).ShouldBeProblem(403);
        await (await team.Owner.Client.DeleteAsync(url)).ShouldBe(204);

        await (await team.Owner.Client.GetAsync(url)).ShouldBeProblem(404);
        await (await team.Member.Client.GetAsync($"{url}/members")).ShouldBeProblem(404);
        var mine = await (await team.Owner.Client.GetAsync("/api/v1/workspaces")).ReadAsync<CursorPage<WorkspaceDto>>();
        Assert.Empty(mine.Items);
        var withDeleted = await (await team.Owner.Client.GetAsync("/api/v1/workspaces?includeDeleted=true")).ReadAsync<CursorPage<WorkspaceDto>>();
        Assert.NotNull(withDeleted.Items[0].PurgeAfter);
    }

    [Fact]
    public async Task A_deleted_workspace_is_restored_by_its_owner_within_the_window()
    {
        var team = await CreateTeamAsync();
        await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}");

        await (await team.Admin.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/restore", null)).ShouldBeProblem(403);
        var restored = await team.Owner.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/restore", null);

        await restored.ShouldBe(200);
        await (await team.Member.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBe(200);
    }

    [Fact]
    public async Task A_workspace_cannot_be_restored_after_the_window()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}");
        Clock.Advance(TimeSpan.FromDays(31));

        var restore = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/restore", null);

        await restore.ShouldBeProblem(409, "workspace.restore_window_passed");
    }

    [Fact]
    public async Task Restoring_a_live_workspace_is_409()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await (await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/restore", null)).ShouldBeProblem(409, "workspace.not_deleted");
    }
}
