using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class AccessAuditTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static async Task<List<JsonElement>> AuditLogAsync(TestUser reader, Guid workspaceId)
    {
        var response = await reader.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?limit=100");
        await response.ShouldBe(200);
        return (await response.Json()).GetProperty("items").EnumerateArray().ToList();
    }

    private static JsonElement Single(List<JsonElement> entries, string action) =>
        Assert.Single(entries, e => e.GetProperty("action").GetString() == action);

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
        Assert.Equal(("user", team.Admin.Id), (created.GetProperty("actorType").GetString(), created.GetProperty("actorId").GetGuid()));
        Assert.Equal(("api_key", apiKey.Id.ToString()), (created.GetProperty("targetType").GetString(), created.GetProperty("targetId").GetString()));
        Assert.Equal("Admin", created.GetProperty("details").GetProperty("role").GetString());

        var revoked = Single(entries, "api_key.revoked");
        Assert.Equal(("user", team.Owner.Id), (revoked.GetProperty("actorType").GetString(), revoked.GetProperty("actorId").GetGuid()));
        Assert.Equal(apiKey.Id.ToString(), revoked.GetProperty("targetId").GetString());

        var byKey = entries.Where(e => e.GetProperty("action").GetString() == "invitation.created")
            .Single(e => e.GetProperty("actorType").GetString() == "apiKey");
        Assert.Equal(apiKey.Id, byKey.GetProperty("actorId").GetGuid());
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
        Assert.Equal(("user", staff.Id), (suspended.GetProperty("actorType").GetString(), suspended.GetProperty("actorId").GetGuid()));
        Assert.Equal("Chargeback under review", suspended.GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal(staff.Id, Single(entries, "workspace.unsuspended").GetProperty("actorId").GetGuid());
        var access = entries.Where(e => e.GetProperty("action").GetString() == "platform.admin_access")
            .Select(e => (e.GetProperty("actorId").GetGuid(), e.GetProperty("targetId").GetString()))
            .ToList();
        Assert.Equal(
            [(staff.Id, "UnsuspendWorkspace"), (staff.Id, "SuspendWorkspace"), (staff.Id, "GetWorkspaceForSupport")],
            access);
    }
}
