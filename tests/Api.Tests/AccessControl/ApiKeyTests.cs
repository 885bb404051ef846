using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class ApiKeyTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_key_authenticates_as_bearer_and_as_x_api_key_within_its_workspace()
    {
        var team = await CreateTeamAsync();
        await SubscribeToPlanAsync(team.WorkspaceId);
        var created = await team.Admin.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/api-keys",
            new { name = "Zapier", role = "member" });
        await created.ShouldBe(201);
        var body = await created.ReadAsync<CreatedApiKeyDto>();
        var key = body.Key;
        Assert.StartsWith("iag_", key);
        Assert.Equal(47, key.Length);
        Assert.Equal(Role.Member, body.Role);
        Assert.Equal("Zapier", body.Name);

        await (await WithApiKey(key).GetAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBe(200);
        var members = await WithApiKey(key, asBearer: false).GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/members");
        await members.ShouldBe(200);
        Assert.Equal(4, (await members.ReadAsync<CursorPage<MemberDto>>()).Items.Count);
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_malformed_keys_are_unauthenticated()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var revoked = await CreateApiKeyAsync(owner, workspaceId, "admin");
        var expiring = await CreateApiKeyAsync(owner, workspaceId, "admin", Clock.GetUtcNow().AddHours(1));
        var path = $"/api/v1/workspaces/{workspaceId}";
        await (await WithApiKey(revoked.Key).GetAsync(path)).ShouldBe(200);
        await (await WithApiKey(expiring.Key).GetAsync(path)).ShouldBe(200);

        await (await owner.Client.DeleteAsync($"{path}/api-keys/{revoked.Id}")).ShouldBe(204);
        Clock.Advance(TimeSpan.FromHours(2));

        await (await WithApiKey(revoked.Key).GetAsync(path)).ShouldBeProblem(401, "unauthenticated");
        await (await WithApiKey(revoked.Key, asBearer: false).GetAsync(path)).ShouldBeProblem(401, "unauthenticated");
        await (await WithApiKey(expiring.Key).GetAsync(path)).ShouldBeProblem(401, "unauthenticated");
        await (await WithApiKey("iag_" + new string('A', 43)).GetAsync(path)).ShouldBeProblem(401, "unauthenticated");
        await (await WithApiKey("not-a-key", asBearer: false).GetAsync(path)).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task A_key_acts_only_in_its_own_workspace_and_within_its_role()
    {
        var team = await CreateTeamAsync();
        var other = await RegisterAsync();
        var otherWorkspace = await CreateWorkspaceAsync(other, "Other");
        var admin = WithApiKey((await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "admin")).Key);
        var viewer = WithApiKey((await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "viewer")).Key);

        await (await admin.GetAsync($"/api/v1/workspaces/{otherWorkspace}")).ShouldBeProblem(404, "not_found");
        await (await admin.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBeProblem(403, "permission_denied");
        await (await admin.GetAsync("/api/v1/me")).ShouldBeProblem(403, "user_required");
        await (await admin.PostAsJsonAsync("/api/v1/workspaces", new { name = "Created by a key" })).ShouldBeProblem(403, "user_required");
        await (await viewer.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "new@example.com", role = "viewer" })).ShouldBeProblem(403, "permission_denied");
        await (await admin.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "new@example.com", role = "viewer" })).ShouldBe(201);
    }

    [Fact]
    public async Task The_secret_appears_only_in_the_create_response()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var apiKey = await CreateApiKeyAsync(owner, workspaceId, "viewer", name: "Reporting");
        await (await WithApiKey(apiKey.Key).GetAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(200);

        var list = await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/api-keys");
        await list.ShouldBe(200);
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(apiKey.Key, text);
        var listed = Assert.Single(ApiJson.Read<CursorPage<ApiKeyDto>>(text).Items);
        Assert.Equal(apiKey.Key[..12], listed.Prefix);
        Assert.Equal(ApiKeyStatus.Active, listed.Status);
        Assert.Equal(owner.Id, listed.CreatedByUserId);
        Assert.NotNull(listed.LastUsedAt);
        // The wire shape itself: a listed key has no "key" member at all, not even a null one.
        var wire = Assert.Single(ApiJson.Read<CursorPage<Dictionary<string, JsonElement>>>(text).Items);
        Assert.DoesNotContain("key", wire.Keys);

        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(apiKey.Key, audit);
        Assert.Equal(0L, await ScalarAsync<long>(
            "SELECT count(*) FROM api_keys WHERE secret_hash = @key OR display_prefix = @key OR name = @key", ("key", apiKey.Key)));
    }

    [Fact]
    public async Task Only_admins_manage_keys_keys_cannot_mint_keys_and_owner_keys_do_not_exist()
    {
        var team = await CreateTeamAsync();
        var path = $"/api/v1/workspaces/{team.WorkspaceId}/api-keys";
        var adminKey = WithApiKey((await CreateApiKeyAsync(team.Admin, team.WorkspaceId, "admin")).Key);

        await (await team.Member.Client.PostAsJsonAsync(path, new { name = "x", role = "viewer" })).ShouldBeProblem(403, "permission_denied");
        await (await team.Member.Client.GetAsync(path)).ShouldBeProblem(403, "permission_denied");
        await (await adminKey.PostAsJsonAsync(path, new { name = "x", role = "viewer" })).ShouldBeProblem(403, "api_key.user_required");
        await (await adminKey.GetAsync(path)).ShouldBe(200);

        var owner = await (await team.Owner.Client.PostAsJsonAsync(path, new { name = "x", role = "owner" })).ShouldBeProblem(400, "validation_failed");
        Assert.Contains("role", owner.ErrorFields());
        var invalid = await (await team.Owner.Client.PostAsJsonAsync(path,
            new { name = " ", role = "viewer", expiresAt = Clock.GetUtcNow().AddMinutes(-1) })).ShouldBeProblem(400, "validation_failed");
        Assert.Equal(new[] { "expiresAt", "name" }, invalid.ErrorFields().Order().ToArray());
    }

    [Fact]
    public async Task Revoking_is_final_repeatable_and_404_for_unknown_keys()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var apiKey = await CreateApiKeyAsync(owner, workspaceId, "member");
        var path = $"/api/v1/workspaces/{workspaceId}/api-keys";

        await (await owner.Client.DeleteAsync($"{path}/{apiKey.Id}")).ShouldBe(204);
        await (await owner.Client.DeleteAsync($"{path}/{apiKey.Id}")).ShouldBe(204);
        await (await owner.Client.DeleteAsync($"{path}/{Guid.NewGuid()}")).ShouldBeProblem(404, "not_found");

        var listed = (await (await owner.Client.GetAsync(path)).ReadAsync<CursorPage<ApiKeyDto>>()).Items[0];
        Assert.Equal(ApiKeyStatus.Revoked, listed.Status);
        var revocations = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=api_key.revoked"))
            .ReadAsync<CursorPage<AuditEntryDto>>()).Items;
        Assert.Single(revocations);
    }
}
