using System.Net;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Identity;

/// <summary>
/// A suspension reaches every replica like a logout or an erasure does (NOTIFY, and the rebuild at start), without a
/// database round trip per request; lifting it reaches them too.
/// </summary>
public sealed class SuspensionRevocationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_suspension_on_one_replica_reaches_another_within_30_seconds_and_so_does_lifting_it()
    {
        await using var replica = StartReplica();
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var onReplica = Replica(replica, user);
        await (await onReplica.GetAsync("/api/v1/me")).ShouldBe(200);

        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Abuse" })).ShouldBe(200);

        // Polled with a read: a create sent while the revocation is still on its way would rightly succeed.
        await Wait.UntilAsync(async () => (await onReplica.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized,
            Propagation, () => "The other replica still accepts the suspended account's token.");
        await (await onReplica.PostAsJsonAsync("/api/v1/workspaces", new { name = "Ghost" })).ShouldBeProblem(401);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE name = 'Ghost'"));
        var replicaLogin = replica.CreateClient();
        await (await replicaLogin.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }))
            .ShouldBeProblem(403, "account_suspended");

        await (await staff.Client.PostAsync($"/api/v1/admin/users/{user.Id}/unsuspend", null)).ShouldBe(200);

        // A new session, obtained on this instance, works on the other one: lifting the suspension reached it too.
        var session = await SignInAsync(user);
        var newOnReplica = replica.CreateClient();
        newOnReplica.DefaultRequestHeaders.Authorization = session.Client.DefaultRequestHeaders.Authorization;
        await Wait.UntilAsync(async () => (await newOnReplica.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.OK,
            Propagation, () => "The other replica still refuses the new session of the reinstated account.");
        await (await onReplica.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task A_replica_started_after_the_suspension_refuses_the_token_from_its_first_request()
    {
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Abuse" })).ShouldBe(200);

        await using var replica = StartReplica();

        await (await Replica(replica, user).GetAsync("/api/v1/me")).ShouldBeProblem(401);
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
