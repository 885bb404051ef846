using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Queries.ListSessions;

namespace IaGenify.Api.Tests.Identity;

public sealed class SessionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static async Task<IReadOnlyList<SessionDto>> SessionsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me/sessions");
        await response.ShouldBe(200);
        return (await response.ReadAsync<SessionList>()).Items;
    }

    [Fact]
    public async Task Each_sign_in_is_a_session_with_a_coarse_client_and_network_and_the_caller_is_current()
    {
        var user = await RegisterAsync();
        var firefox = await SignInAsync(user, FirefoxOnLinux);
        var chrome = await SignInAsync(user, ChromeOnWindows);

        var sessions = await SessionsAsync(firefox.Client);

        Assert.Equal(3, sessions.Count);
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal("Firefox on Linux", current.Client);
        Assert.Contains(sessions, s => s.Client == "Chrome on Windows");
        Assert.All(sessions, s =>
        {
            Assert.DoesNotContain("Mozilla", s.Client);
            var network = s.Network;
            Assert.True(network == "unknown" || network.EndsWith("/24", StringComparison.Ordinal) || network.EndsWith("/48", StringComparison.Ordinal), network);
            Assert.True(s.LastUsedAt >= s.CreatedAt);
        });
        var fromChrome = await SessionsAsync(chrome.Client);
        Assert.Equal("Chrome on Windows", Assert.Single(fromChrome, s => s.Current).Client);
    }

    [Fact]
    public async Task A_refresh_keeps_the_session_id_and_moves_its_last_use()
    {
        var user = await RegisterAsync();
        var before = Assert.Single(await SessionsAsync(user.Client));
        Clock.Advance(TimeSpan.FromSeconds(20));

        var refreshed = await RefreshAsync(user.RefreshToken, ChromeOnWindows);
        await refreshed.ShouldBe(200);
        var session = ToSession(await refreshed.ReadAsync<AuthResponse>());

        var after = Assert.Single(await SessionsAsync(session.Client));
        Assert.Equal(before.Id, after.Id);
        Assert.True(after.Current);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.True(after.LastUsedAt > before.LastUsedAt);
        Assert.Equal("Chrome on Windows", after.Client);
    }

    [Fact]
    public async Task Revoking_a_session_stops_its_refresh_and_access_tokens_at_once()
    {
        var user = await RegisterAsync();
        var laptop = await SignInAsync(user, ChromeOnWindows);
        var laptopId = Assert.Single(await SessionsAsync(laptop.Client), s => s.Current).Id;

        await (await user.Client.DeleteAsync($"/api/v1/me/sessions/{laptopId}")).ShouldBe(204);

        await (await RefreshAsync(laptop.RefreshToken)).ShouldBeProblem(401);
        await (await laptop.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBe(200);
        Assert.DoesNotContain(await SessionsAsync(user.Client), s => s.Id == laptopId);
        await (await user.Client.DeleteAsync($"/api/v1/me/sessions/{laptopId}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Another_users_session_is_404_and_stays_alive()
    {
        var user = await RegisterAsync();
        var stranger = await RegisterAsync();
        var theirs = Assert.Single(await SessionsAsync(stranger.Client)).Id;

        await (await user.Client.DeleteAsync($"/api/v1/me/sessions/{theirs}")).ShouldBeProblem(404);

        await (await RefreshAsync(stranger.RefreshToken)).ShouldBe(200);
    }

    [Fact]
    public async Task Revoking_all_sessions_keeps_only_the_current_one()
    {
        var user = await RegisterAsync();
        var second = await SignInAsync(user);
        var third = await SignInAsync(user);

        await (await user.Client.DeleteAsync("/api/v1/me/sessions")).ShouldBe(204);

        await (await RefreshAsync(second.RefreshToken)).ShouldBeProblem(401);
        await (await RefreshAsync(third.RefreshToken)).ShouldBeProblem(401);
        await (await second.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        Assert.True(Assert.Single(await SessionsAsync(user.Client)).Current);
        await (await RefreshAsync(user.RefreshToken)).ShouldBe(200);
    }

    [Fact]
    public async Task Sessions_need_a_signed_in_user()
    {
        await (await Anonymous().GetAsync("/api/v1/me/sessions")).ShouldBeProblem(401);
        await (await Anonymous().DeleteAsync("/api/v1/me/sessions")).ShouldBeProblem(401);
    }
}
