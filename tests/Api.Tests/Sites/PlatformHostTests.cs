using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;

namespace IaGenify.Api.Tests.Sites;

/// <summary>The frontend's own host (<c>Platform:AppUrl</c>) is the platform's: never a customer's domain, never routed to a site.</summary>
public sealed class PlatformHostTests(ApiFixture fixture) : WebsiteTestBase(fixture), IAsyncLifetime
{
    private ApiFactory? _withFrontend;

    protected override ApiFactory Factory => _withFrontend ??= new ApiFactory(Fixture.ConnectionString,
        settings: new Dictionary<string, string?>(ApiFixture.StripeSettings(Fixture.Stripe.BaseUrl))
        {
            ["Platform:AppUrl"] = "https://studio.iagenify.test",
        });

    [Fact]
    public async Task The_frontend_host_cannot_be_claimed_and_requests_for_it_reach_the_API()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await SubscribeToPlanAsync(team.WorkspaceId);
        var domains = $"/api/v1/workspaces/{team.WorkspaceId}/websites/{websiteId}/domains";

        foreach (var frontendHost in new[] { "studio.iagenify.test", "www.studio.iagenify.test" })
            await (await team.Member.Client.PostAsJsonAsync(domains, new { hostname = frontendHost })).ShouldBeProblem(400);

        // A frontend that proxies /api to the backend keeps its own Host header.
        await (await Anonymous().GetAsync("https://studio.iagenify.test/api/v1/plans")).ShouldBe(200);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_withFrontend is not null)
            await _withFrontend.DisposeAsync();
    }
}
