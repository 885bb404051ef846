using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Credits;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Billing;

/// <summary>Plan limits as a client meets them: the modules ask the entitlement port before creating or spending.</summary>
public sealed class PlanLimitHttpTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_second_website_on_the_free_plan_is_402_naming_the_limit_and_upgrading_lifts_it()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var websites = $"/api/v1/workspaces/{workspaceId}/websites";
        await (await owner.Client.PostAsJsonAsync(websites, new { name = "Bakery", prompt = "A bakery in Lyon" })).ShouldBe(202);

        var refused = await owner.Client.PostAsJsonAsync(websites, new { name = "Garage", prompt = "A garage in Nantes" });

        var problem = await refused.ShouldBeProblem(402, "plan_limit_reached");
        Assert.Equal(("free", "maxWebsites", 1), (problem.Plan,
            problem.Entitlement, problem.Limit));
        var credits = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ReadAsync<CreditBalanceDto>();
        Assert.Single(credits.Holds);

        await SubscribeToPlanAsync(workspaceId);
        await (await owner.Client.PostAsJsonAsync(websites, new { name = "Garage", prompt = "A garage in Nantes" })).ShouldBe(202);
    }

    [Fact]
    public async Task Image_generation_on_a_plan_without_it_is_402_and_reserves_nothing()
    {
        await using var noImages = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Billing:Plans:0:Entitlements:ImageGeneration"] = "false" });
        var session = await (await noImages.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"owner-{Guid.NewGuid():N}@example.com", password = Password, displayName = "Owner" })).ReadAsync<AuthResponse>();
        var owner = noImages.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", session.AccessToken);
        var workspaceId = (await (await owner.PostAsJsonAsync("/api/v1/workspaces", new { name = "Acme" })).ReadAsync<WorkspaceDto>()).Id;

        var refused = await owner.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/generations",
            new { kind = "image", input = new { prompt = "a croissant on a marble table" } });

        var problem = await refused.ShouldBeProblem(402, "plan_feature_unavailable");
        Assert.Equal("imageGeneration", problem.Entitlement);
        var credits = await (await owner.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ReadAsync<CreditBalanceDto>();
        Assert.Equal((50, 0), (credits.Available, credits.Holds.Count));
    }
}
