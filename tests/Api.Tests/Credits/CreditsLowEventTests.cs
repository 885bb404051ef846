using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Webhooks;
using IaGenify.Application.Identity;
using IaGenify.Application.Webhooks;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Credits;

public sealed class CreditsLowEventTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Falling_below_the_threshold_sends_one_credits_low_event()
    {
        await using var factory = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Credits:LowBalanceThreshold"] = "30" });
        var owner = await Register(factory, "owner");
        var staff = await Register(factory, ApiFactory.AdminEmail);
        var workspace = await (await owner.PostAsJsonAsync("/api/v1/workspaces", new { name = "Low" })).ReadAsync<WorkspaceDto>();
        var workspaceId = workspace.Id;
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await (await owner.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/webhook-endpoints",
            new { url = receiver.Url, eventTypes = new[] { "credits.low" } })).ReadAsync<WebhookEndpointDto>();
        receiver.Secret = created.Secret;

        await Debit(staff, workspaceId, 15, "a");   // 50 -> 35: still above 30
        await Debit(staff, workspaceId, 10, "b");   // 35 -> 25: crosses
        await Debit(staff, workspaceId, 5, "c");    // 25 -> 20: already below

        var received = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(received.SignatureValid);
        Assert.Equal("credits.low", received.Type);
        Assert.Equal((25, 30), (received.Data.GetProperty("available").GetInt64(), received.Data.GetProperty("threshold").GetInt64()));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(receiver.Received);
    }

    private static async Task<HttpClient> Register(ApiFactory factory, string email)
    {
        email = email.Contains('@') ? email : $"{email}-{Guid.NewGuid():N}@example.com";
        var session = await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = ApiTest.Password, displayName = "User" })).ReadAsync<AuthResponse>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", session.AccessToken);
        return client;
    }

    private static async Task Debit(HttpClient staff, Guid workspaceId, long amount, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{workspaceId}/credits/adjustments")
        {
            Content = JsonContent.Create(new { amount = -amount, reason = "test" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        await (await staff.SendAsync(request)).ShouldBe(201);
    }
}
