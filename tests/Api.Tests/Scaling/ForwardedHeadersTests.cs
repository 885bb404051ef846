using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Scaling;

/// <summary>The client IP comes from X-Forwarded-For only through trusted hops.</summary>
public sealed class ForwardedHeadersTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Balancer = "10.1.0.5";
    private const string InnerProxy = "192.168.7.20";

    private ApiFactory BehindBalancer(int anonymousLimit = 100000) => new(Fixture.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Http:TrustedProxies"] = Balancer,
            ["Http:TrustedNetworks:0"] = "192.168.7.0/24",
            ["RateLimits:Anonymous:PermitLimit"] = anonymousLimit.ToString(),
        },
        services: s => s.AddTransient<IStartupFilter, PeerAddressFilter>());

    [Fact]
    public async Task Through_trusted_hops_the_audit_entry_records_the_forwarded_client()
    {
        await using var api = BehindBalancer();
        var token = await RegisterAsync(api, peer: Balancer, forwardedFor: "203.0.113.9");
        var client = Client(api, token, peer: Balancer, forwardedFor: $"198.51.100.1, 203.0.113.9, {InnerProxy}");
        var workspace = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Forwarded" });
        await workspace.ShouldBe(201);
        var workspaceId = (await workspace.ReadAsync<WorkspaceDto>()).Id;
        await SubscribeToPlanAsync(workspaceId);

        await (await client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/api-keys", new { name = "ci", role = "viewer" })).ShouldBe(201);

        var entry = (await (await client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=api_key.created"))
            .ReadAsync<CursorPage<AuditEntryDto>>()).Items.Single();
        // 198.51.100.1 was written by the caller itself (before the first trusted hop): not believed.
        Assert.Equal("203.0.113.9", entry.IpAddress);
    }

    [Fact]
    public async Task A_spoofed_header_from_an_untrusted_caller_is_ignored()
    {
        await using var api = BehindBalancer();
        var token = await RegisterAsync(api, peer: "198.51.100.77", forwardedFor: "203.0.113.9");
        var client = Client(api, token, peer: "198.51.100.77", forwardedFor: "203.0.113.10");
        var workspace = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Spoofed" });
        await workspace.ShouldBe(201);
        var workspaceId = (await workspace.ReadAsync<WorkspaceDto>()).Id;
        await SubscribeToPlanAsync(workspaceId);

        await (await client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/api-keys", new { name = "ci", role = "viewer" })).ShouldBe(201);

        var entry = (await (await client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=api_key.created"))
            .ReadAsync<CursorPage<AuditEntryDto>>()).Items.Single();
        Assert.Equal("198.51.100.77", entry.IpAddress);
    }

    [Fact]
    public async Task Per_ip_limits_count_forwarded_clients_apart_and_spoofers_together()
    {
        await using var api = BehindBalancer(anonymousLimit: 2);

        // Two clients behind the balancer: each has its own allowance.
        for (var i = 0; i < 2; i++)
            await (await Get(api, Balancer, "203.0.113.1")).ShouldBe(404);
        await (await Get(api, Balancer, "203.0.113.1")).ShouldBeProblem(429, "rate_limited");
        await (await Get(api, Balancer, "203.0.113.2")).ShouldBe(404);

        // A direct caller changing its X-Forwarded-For on every request is still one client.
        await (await Get(api, "198.51.100.8", "203.0.113.50")).ShouldBe(404);
        await (await Get(api, "198.51.100.8", "203.0.113.51")).ShouldBe(404);
        await (await Get(api, "198.51.100.8", "203.0.113.52")).ShouldBeProblem(429, "rate_limited");
    }

    private static Task<HttpResponseMessage> Get(ApiFactory api, string peer, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-route");
        request.Headers.Add(PeerAddressFilter.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return api.CreateClient().SendAsync(request);
    }

    private static async Task<string> RegisterAsync(ApiFactory api, string peer, string forwardedFor)
    {
        var client = Client(api, null, peer, forwardedFor);
        var email = $"fwd-{Guid.NewGuid():N}@example.com";
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = "Forwarded" });
        await response.ShouldBe(201);
        // Creating API keys needs a verified email.
        await VerifyEmailAsync(api, email);
        return (await response.ReadAsync<AuthResponse>()).AccessToken;
    }

    private static HttpClient Client(ApiFactory api, string? token, string peer, string forwardedFor)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(PeerAddressFilter.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
