using System.Net;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Identity;

/// <summary>An access token stops working when its grant ends, on this replica at once and on the others within 30 s.</summary>
public sealed class AccessRevocationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_logout_the_sessions_access_token_is_refused()
    {
        var user = await RegisterAsync();
        var other = await LoginAsync(user.Email);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBe(200);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken })).ShouldBe(204);

        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        // Another session of the same user is not affected.
        await (await other.GetAsync("/api/v1/me")).ShouldBe(200);
    }

    [Fact]
    public async Task After_erasure_the_account_can_neither_read_nor_create()
    {
        var user = await RegisterAsync();
        var other = await LoginAsync(user.Email);

        var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = Password }) };
        await (await user.Client.SendAsync(erase)).ShouldBe(204);

        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await other.PostAsJsonAsync("/api/v1/workspaces", new { name = "Ghost" })).ShouldBeProblem(401);
    }

    [Fact]
    public async Task After_a_password_reset_every_access_token_of_the_user_is_refused()
    {
        var user = await RegisterAsync();
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).ShouldBe(202);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password",
            new { token = TokenMailedTo(user.Email), newPassword = "a brand new secret" })).ShouldBe(204);

        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task A_revocation_on_one_replica_reaches_another_within_30_seconds()
    {
        await using var replica = StartReplica();
        var loggedOut = await RegisterAsync();
        var erased = await RegisterAsync();
        var onReplica = Replica(replica, loggedOut);
        var erasedOnReplica = Replica(replica, erased);
        await (await onReplica.GetAsync("/api/v1/me")).ShouldBe(200);
        await (await erasedOnReplica.GetAsync("/api/v1/me")).ShouldBe(200);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = loggedOut.RefreshToken })).ShouldBe(204);
        var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = Password }) };
        await (await erased.Client.SendAsync(erase)).ShouldBe(204);

        await Wait.UntilAsync(async () => (await onReplica.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized,
            Propagation, () => "The other replica still accepts the logged-out session's token.");
        await Wait.UntilAsync(async () =>
                (await erasedOnReplica.PostAsJsonAsync("/api/v1/workspaces", new { name = "Ghost" })).StatusCode == HttpStatusCode.Unauthorized,
            Propagation, () => "The other replica still accepts the erased account's token.");
    }

    [Fact]
    public async Task A_replica_started_after_the_revocation_refuses_the_token_from_its_first_request()
    {
        var user = await RegisterAsync();
        var token = user.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken })).ShouldBe(204);

        await using var replica = StartReplica();
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task An_admin_asking_for_an_owner_key_is_403_like_other_escalations()
    {
        var team = await CreateTeamAsync();

        var response = await team.Admin.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/api-keys",
            new { name = "x", role = "owner" });

        await response.ShouldBeProblem(403, "permission_denied");
    }

    private async Task<HttpClient> LoginAsync(string email)
    {
        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        await login.ShouldBe(200);
        return Authorized((await login.ReadAsync<AuthResponse>()).AccessToken);
    }

    /// <summary>A second host on the same database, signing with the same key, as replicas do.</summary>
    private ApiFactory StartReplica()
    {
        var settings = ApiFixture.StripeSettings(Fixture.Stripe.BaseUrl);
        settings["Jwt:SigningKey"] = Factory.Services.GetRequiredService<IConfiguration>()["Jwt:SigningKey"];
        return new ApiFactory(Fixture.ConnectionString, settings: settings);
    }

    private static HttpClient Replica(ApiFactory replica, TestUser user)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        return client;
    }
}
