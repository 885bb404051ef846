using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class MfaRequirementTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_owner_with_totp_requires_it_and_members_without_it_get_403_mfa_required_but_api_keys_do_not()
    {
        var team = await CreateTeamAsync();
        var workspace = $"/api/v1/workspaces/{team.WorkspaceId}";
        var key = await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "member");
        await AwayFromStepEndAsync();

        var ownerWithout = await team.Owner.Client.PatchAsJsonAsync(workspace, new { requireMfa = true });
        await ownerWithout.ShouldBeProblem(403, "mfa_required");
        await EnableTotpAsync(team.Admin.Client);
        await (await team.Admin.Client.PatchAsJsonAsync(workspace, new { requireMfa = true })).ShouldBeProblem(403, "permission_denied");
        await EnableTotpAsync(team.Owner.Client);

        var required = await team.Owner.Client.PatchAsJsonAsync(workspace, new { requireMfa = true });

        await required.ShouldBe(200);
        Assert.True((await required.ReadAsync<WorkspaceDto>()).RequireMfa);
        var refused = await team.Member.Client.GetAsync($"{workspace}/credits");
        Assert.Contains("two-factor", (await refused.ShouldBeProblem(403, "mfa_required")).Detail);
        await (await team.Viewer.Client.GetAsync(workspace)).ShouldBeProblem(403, "mfa_required");
        await (await team.Admin.Client.GetAsync(workspace)).ShouldBe(200);
        await (await WithApiKey(key.Key).GetAsync($"{workspace}/credits")).ShouldBe(200);
        // Their own account stays reachable, so they can turn two-factor on.
        await (await team.Member.Client.GetAsync("/api/v1/me")).ShouldBe(200);
        await EnableTotpAsync(team.Member.Client);
        await (await team.Member.Client.GetAsync($"{workspace}/credits")).ShouldBe(200);
        var audit = (await (await team.Owner.Client.GetAsync($"{workspace}/audit-log?action=workspace.mfa_requirement_changed")).ReadAsync<CursorPage<AuditEntryDto>>())
            .Items;
        Assert.Single(audit);
    }

    [Fact]
    public async Task The_patch_changes_the_fields_sent_and_refuses_an_empty_one()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var renamed = await owner.Client.PatchAsJsonAsync($"/api/v1/workspaces/{workspaceId}", new { name = "Renamed" });
        await renamed.ShouldBe(200);
        var body = await renamed.ReadAsync<WorkspaceDto>();
        Assert.Equal(("Renamed", false), (body.Name, body.RequireMfa));
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/workspaces/{workspaceId}", new { })).ShouldBeProblem(400);
    }
}
