using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Audit;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class AccessAuditTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static async Task<IReadOnlyList<AuditEntryDto>> AuditLogAsync(TestUser reader, Guid workspaceId)
    {
        var response = await reader.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?limit=100");
        await response.ShouldBe(200);
        return (await response.ReadAsync<CursorPage<AuditEntryDto>>()).Items;
    }

    private static AuditEntryDto Single(IReadOnlyList<AuditEntryDto> entries, string action) =>
        Assert.Single(entries, e => e.Action == action);

    [Fact]
    public async Task Creating_and_revoking_keys_is_audited_and_a_key_is_recorded_as_the_actor()
    {
        var team = await CreateTeamAsync();
        var apiKey = await CreateApiKeyAsync(team.Admin, team.WorkspaceId, "admin");
        await (await WithApiKey(apiKey.Key).PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "robot-invite@example.com", role = "viewer" })).ShouldBe(201);
        await (await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}/api-keys/{apiKey.Id}")).ShouldBe(204);

        var entries = await AuditLogAsync(team.Admin, team.WorkspaceId);

        var created = Single(entries, "api_key.created");
        Assert.Equal((AuditActorType.User, team.Admin.Id), (created.ActorType, created.ActorId));
        Assert.Equal(("api_key", apiKey.Id.ToString()), (created.TargetType, created.TargetId));
        Assert.Equal("Admin", created.Details["role"]);

        var revoked = Single(entries, "api_key.revoked");
        Assert.Equal((AuditActorType.User, team.Owner.Id), (revoked.ActorType, revoked.ActorId));
        Assert.Equal(apiKey.Id.ToString(), revoked.TargetId);

        var byKey = entries.Where(e => e.Action == "invitation.created")
            .Single(e => e.ActorType == AuditActorType.ApiKey);
        Assert.Equal(apiKey.Id, byKey.ActorId);
    }

    [Fact]
    public async Task Suspension_and_support_reads_are_in_the_workspace_audit_log()
    {
        var team = await CreateTeamAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var admin = $"/api/v1/admin/workspaces/{team.WorkspaceId}";

        await (await staff.Client.GetAsync(admin)).ShouldBe(200);
        await (await staff.Client.PostAsJsonAsync($"{admin}/suspend", new { reason = "Chargeback under review" })).ShouldBe(204);
        await (await staff.Client.PostAsync($"{admin}/unsuspend", null)).ShouldBe(204);

        var entries = await AuditLogAsync(team.Admin, team.WorkspaceId);

        var suspended = Single(entries, "workspace.suspended");
        Assert.Equal((AuditActorType.User, staff.Id), (suspended.ActorType, suspended.ActorId));
        Assert.Equal("Chargeback under review", suspended.Details["reason"]);
        Assert.Equal(staff.Id, Single(entries, "workspace.unsuspended").ActorId);
        var access = entries.Where(e => e.Action == "platform.admin_access")
            .Select(e => (e.ActorId, e.TargetId))
            .ToList();
        Assert.Equal(
            [(staff.Id, "UnsuspendWorkspace"), (staff.Id, "SuspendWorkspace"), (staff.Id, "GetWorkspaceForSupport")],
            access);
    }
}
