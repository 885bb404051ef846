using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class VerifiedEmailTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_unverified_user_tries_the_product_but_cannot_invite_create_keys_publish_or_pay()
    {
        var user = await RegisterAsync(verified: false);
        var workspaceId = await CreateWorkspaceAsync(user);
        var workspace = $"/api/v1/workspaces/{workspaceId}";
        await SubscribeToPlanAsync(workspaceId);

        var website = await user.Client.PostAsJsonAsync($"{workspace}/websites", new { name = "Bakery", prompt = "A bakery in Lyon" });
        await website.ShouldBe(202);
        var websiteId = (await website.Json()).GetProperty("id").GetGuid();
        await DrainGenerationsAsync();

        var refusals = new[]
        {
            await user.Client.PostAsJsonAsync($"{workspace}/invitations", new { email = "friend@example.com", role = "member" }),
            await user.Client.PostAsJsonAsync($"{workspace}/api-keys", new { name = "CI", role = "member" }),
            await user.Client.PostAsync($"{workspace}/websites/{websiteId}/publish", null),
            await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{workspace}/billing/checkout")
            {
                Content = JsonContent.Create(new { plan = "pro" }),
                Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            }),
        };
        foreach (var refusal in refusals)
        {
            var problem = await refusal.ShouldBeProblem(403, "email_unverified");
            Assert.Contains("Verify your email", problem.Detail);
        }

        await VerifyEmailAsync(Factory, user.Email);
        await (await user.Client.PostAsJsonAsync($"{workspace}/invitations", new { email = "friend@example.com", role = "member" })).ShouldBe(201);
        await (await user.Client.PostAsJsonAsync($"{workspace}/api-keys", new { name = "CI", role = "member" })).ShouldBe(201);
        await (await user.Client.PostAsync($"{workspace}/websites/{websiteId}/publish", null)).ShouldBe(200);
    }

    [Fact]
    public async Task An_unverified_member_cannot_publish_and_a_non_member_still_gets_404()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var unverified = await RegisterAsync(verified: false);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = unverified.Email, role = "admin" })).ShouldBe(201);
        await (await unverified.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(unverified.Email) })).ShouldBe(200);
        var stranger = await RegisterAsync(verified: false);

        await (await unverified.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = "friend@example.com", role = "member" })).ShouldBeProblem(403, "email_unverified");
        await (await stranger.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = "friend@example.com", role = "member" })).ShouldBeProblem(404);
        await (await unverified.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/members")).ShouldBe(200);
    }
}
