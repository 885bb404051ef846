using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;

namespace IaGenify.Api.Tests.AccessControl;

/// <summary>Runs against a second API host with tiny limits; the shared host keeps generous ones.</summary>
public sealed class RateLimitTests(ApiFixture fixture) : ApiTest(fixture)
{
    private ApiFactory LimitedFactory() => new(Fixture.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["RateLimits:ApiKey:PermitLimit"] = "3",
        ["RateLimits:User:PermitLimit"] = "3",
        ["RateLimits:Anonymous:PermitLimit"] = "100000",
    });

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_other_keys_are_unaffected()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var busy = await CreateApiKeyAsync(owner, workspaceId, "viewer");
        var quiet = await CreateApiKeyAsync(owner, workspaceId, "viewer");
        await using var limited = LimitedFactory();
        var client = WithApiKey(busy.Key, factory: limited);
        var path = $"/api/v1/workspaces/{workspaceId}";

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync(path)).ShouldBe(200);
        var refused = await client.GetAsync(path);

        await refused.ShouldBeProblem(429, "rate_limited");
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 60);
        await (await WithApiKey(quiet.Key, asBearer: false, factory: limited).GetAsync(path)).ShouldBe(200);
    }

    [Fact]
    public async Task A_user_over_their_limit_gets_429_with_retry_after()
    {
        await using var limited = LimitedFactory();
        var register = await limited.CreateClient().PostAsync("/api/v1/auth/register", new StringContent(
            """{"email":"busy@example.com","password":"long enough","displayName":"Busy"}""", System.Text.Encoding.UTF8, "application/json"));
        await register.ShouldBe(201);
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await register.ReadAsync<AuthResponse>()).AccessToken);

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/v1/me")).ShouldBe(200);
        var refused = await client.GetAsync("/api/v1/me");

        await refused.ShouldBeProblem(429, "rate_limited");
        Assert.True(refused.Headers.RetryAfter is not null);
        await (await limited.CreateClient().GetAsync("/health/live")).ShouldBe(200);
    }
}
