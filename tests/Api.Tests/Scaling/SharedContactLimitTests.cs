using System.Net.Http.Json;
using IaGenify.Api.Tests.Mailbox;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Scaling;

/// <summary>Two API replicas (two hosts in this process) share the contact-form limits through a real redis-server.</summary>
public sealed class SharedContactLimitTests(ApiFixture fixture, RedisServer redis) : MailboxTestBase(fixture), IClassFixture<RedisServer>
{
    private ApiFactory Replica(int perIp = 100000, int perSite = 100000) => new(Fixture.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Redis:Connection"] = redis.Connection,
            ["Mailbox:Contact:PerIpPermitLimit"] = perIp.ToString(),
            ["Mailbox:Contact:PerSitePermitLimit"] = perSite.ToString(),
        },
        services: s => s.AddTransient<IStartupFilter, PeerAddressFilter>());

    [Fact]
    public async Task Two_replicas_admit_one_per_address_allowance_between_them()
    {
        await using var first = Replica(perIp: 2);
        await using var second = Replica(perIp: 2);
        var (_, _, slug) = await PublishedSiteAsync();
        var peer = UniquePeer();

        await (await PostAsync(first, slug, peer)).ShouldBe(202);
        await (await PostAsync(second, slug, peer)).ShouldBe(202);

        await (await PostAsync(first, slug, peer)).ShouldBeProblem(429, "too_many_requests");
        var refused = await PostAsync(second, slug, peer);
        await refused.ShouldBeProblem(429, "too_many_requests");
        Assert.NotNull(refused.Headers.RetryAfter);
        // Another address is not affected by that one's allowance.
        await (await PostAsync(second, slug, UniquePeer())).ShouldBe(202);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM mail_messages"));
    }

    [Fact]
    public async Task Two_replicas_admit_one_per_site_allowance_between_them()
    {
        await using var first = Replica(perSite: 3);
        await using var second = Replica(perSite: 3);
        var (_, _, slug) = await PublishedSiteAsync();
        var (_, _, otherSlug) = await PublishedSiteAsync("Autre Boulangerie");

        for (var i = 0; i < 3; i++)
            await (await PostAsync(i % 2 == 0 ? first : second, slug, UniquePeer())).ShouldBe(202);

        await (await PostAsync(second, slug, UniquePeer())).ShouldBeProblem(429, "too_many_requests");
        await (await PostAsync(first, slug, UniquePeer())).ShouldBeProblem(429, "too_many_requests");
        await (await PostAsync(first, otherSlug, UniquePeer())).ShouldBe(202);
    }

    [Fact]
    public async Task Without_redis_each_replica_keeps_limiting_on_its_own()
    {
        await using var replica = Replica(perIp: 2);
        var (_, _, slug) = await PublishedSiteAsync();
        var peer = UniquePeer();
        await (await PostAsync(replica, slug, peer)).ShouldBe(202);

        await redis.KillAsync();
        try
        {
            await (await PostAsync(replica, slug, peer)).ShouldBe(202);
            await (await PostAsync(replica, slug, peer)).ShouldBe(202);
            await (await PostAsync(replica, slug, peer)).ShouldBeProblem(429, "too_many_requests");
        }
        finally
        {
            await redis.StartAsync();
        }
    }

    private static int _peers;

    /// <summary>A client address no other test of the run uses, so that counts in the shared server start at zero.</summary>
    private static string UniquePeer()
    {
        var n = Interlocked.Increment(ref _peers) + Random.Shared.Next(0, 60000) * 256;
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    private static Task<HttpResponseMessage> PostAsync(ApiFactory replica, string slug, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/sites/{slug}/contact")
        {
            Content = JsonContent.Create(new { name = "Ada Visitor", email = "ada@example.org", message = "Shared limits?" }),
        };
        request.Headers.Add(PeerAddressFilter.Header, peer);
        return replica.CreateClient().SendAsync(request);
    }
}
