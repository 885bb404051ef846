using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;

namespace IaGenify.Api.Tests.Scaling;

/// <summary>Two API replicas (two hosts in this process) share limits through a real redis-server.</summary>
public sealed class SharedLimitTests(ApiFixture fixture, RedisServer redis) : ApiTest(fixture), IClassFixture<RedisServer>
{
    /// <summary>Replicas of one deployment share their keys.</summary>
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private ApiFactory Replica(int userLimit = 100000) => new(Fixture.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["Redis:Connection"] = redis.Connection,
        ["Jwt:SigningKey"] = SigningKey,
        ["RateLimits:User:PermitLimit"] = userLimit.ToString(),
        ["Identity:LoginThrottle:MaxFailures"] = "3",
    });

    [Fact]
    public async Task Two_replicas_admit_one_user_limit_between_them()
    {
        await using var first = Replica(userLimit: 4);
        await using var second = Replica(userLimit: 4);
        var token = await RegisterOnAsync(first);
        var clients = new[] { Client(first, token), Client(second, token) };

        for (var i = 0; i < 4; i++)
            await (await clients[i % 2].GetAsync("/api/v1/me")).ShouldBe(200);

        await (await clients[0].GetAsync("/api/v1/me")).ShouldBeProblem(429, "rate_limited");
        var refused = await clients[1].GetAsync("/api/v1/me");
        await refused.ShouldBeProblem(429, "rate_limited");
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 60);
    }

    [Fact]
    public async Task A_lockout_earned_on_one_replica_applies_on_the_other()
    {
        await using var first = Replica();
        await using var second = Replica();
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        await RegisterOnAsync(first, email);

        for (var i = 0; i < 3; i++)
            await (await first.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password" })).ShouldBe(401);

        var refused = await second.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        await refused.ShouldBeProblem(429);
    }

    [Fact]
    public async Task Without_redis_the_api_keeps_serving_with_per_process_limits_reports_degraded_and_recovers()
    {
        await using var replica = Replica(userLimit: 3);
        var token = await RegisterOnAsync(replica);
        var client = Client(replica, token);
        await (await client.GetAsync("/api/v1/me")).ShouldBe(200);
        Assert.Equal("Healthy", await ReadinessAsync(replica));

        await redis.KillAsync();
        try
        {
            // The per-process window takes over: the user is still served, and still limited.
            for (var i = 0; i < 3; i++)
                await (await client.GetAsync("/api/v1/me")).ShouldBe(200);
            await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(429, "rate_limited");
            var ready = await replica.CreateClient().GetAsync("/health/ready");
            await ready.ShouldBe(200);
            var body = await ready.ReadAsync<HealthResponse>();
            Assert.Equal("Degraded", body.Status);
            Assert.Contains(body.Checks, c => c.Name == "redis" && c.Description!.Contains("unreachable"));
        }
        finally
        {
            await redis.StartAsync();
        }

        await Wait.UntilAsync(async () => await ReadinessAsync(replica) == "Healthy", TimeSpan.FromSeconds(20),
            () => "readiness did not return to Healthy after Redis came back");
        // Shared again: a fresh user's window is counted in Redis.
        var other = Client(replica, await RegisterOnAsync(replica));
        for (var i = 0; i < 3; i++)
            await (await other.GetAsync("/api/v1/me")).ShouldBe(200);
        await (await other.GetAsync("/api/v1/me")).ShouldBeProblem(429, "rate_limited");
    }

    private static async Task<string> RegisterOnAsync(ApiFactory replica, string? email = null)
    {
        var response = await replica.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = email ?? $"shared-{Guid.NewGuid():N}@example.com", password = Password, displayName = "Shared" });
        await response.ShouldBe(201);
        return (await response.ReadAsync<AuthResponse>()).AccessToken;
    }

    private static HttpClient Client(ApiFactory replica, string token)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<string?> ReadinessAsync(ApiFactory replica) =>
        (await (await replica.CreateClient().GetAsync("/health/ready")).ReadAsync<HealthResponse>()).Status;
}
