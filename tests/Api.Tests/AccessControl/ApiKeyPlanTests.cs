using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.ApiKeys;

namespace IaGenify.Api.Tests.AccessControl;

/// <summary>API access is a plan entitlement: on for every plan by default, with a lower request rate on free.</summary>
public sealed class ApiKeyPlanTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static async Task<string> CreateKeyAsync(HttpClient owner, Guid workspaceId)
    {
        var created = await owner.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/api-keys", new { name = "automation", role = "member" });
        await created.ShouldBe(201);
        return (await created.ReadAsync<CreatedApiKeyDto>()).Key;
    }

    [Fact]
    public async Task A_free_workspace_uses_api_keys_within_the_free_plans_rate()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var key = WithApiKey(await CreateKeyAsync(owner.Client, workspaceId));

        for (var i = 0; i < 60; i++)
            await (await key.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ShouldBe(200);
        var limited = await key.GetAsync($"/api/v1/workspaces/{workspaceId}/credits");

        await limited.ShouldBeProblem(429, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
        // The owner's own requests are counted apart from the key's.
        await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ShouldBe(200);
    }

    [Fact]
    public async Task Keys_that_exist_stop_working_on_a_plan_without_api_access()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var key = await CreateKeyAsync(owner.Client, workspaceId);
        await using var withoutApi = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Billing:Plans:0:Entitlements:ApiAccess"] = "false" });
        var client = withoutApi.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var refused = await client.GetAsync($"/api/v1/workspaces/{workspaceId}");

        var problem = await refused.ShouldBeProblem(402, "plan_feature_unavailable");
        Assert.Equal("apiAccess", problem.Entitlement);
        Assert.Equal("free", problem.Plan);
    }
}
