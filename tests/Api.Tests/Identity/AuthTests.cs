using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Queries.GetMe;

namespace IaGenify.Api.Tests.Identity;

public sealed class AuthTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Register_returns_tokens_and_the_user()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "Ada@Example.com", password = Password, displayName = "Ada" });

        await response.ShouldBe(201);
        var body = await response.ReadAsync<AuthResponse>();
        Assert.False(string.IsNullOrEmpty(body.AccessToken));
        Assert.False(string.IsNullOrEmpty(body.RefreshToken));
        Assert.Equal(900, body.ExpiresIn);
        Assert.Equal("ada@example.com", body.User.Email);
        Assert.False(body.User.EmailVerified);
    }

    [Fact]
    public async Task Register_with_an_email_already_taken_is_409_whatever_its_case()
    {
        await RegisterAsync("taken@example.com");

        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "TAKEN@example.com", password = Password, displayName = "Other" });

        await response.ShouldBeProblem(409, "email_taken");
    }

    [Fact]
    public async Task Register_with_invalid_fields_is_400_naming_each_field()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "not-an-email", password = "short", displayName = "" });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["displayName", "email", "password"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Login_returns_a_session_that_reaches_me()
    {
        var user = await RegisterAsync("login@example.com", "Lin");

        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "login@example.com", password = Password });

        await login.ShouldBe(200);
        var me = await Authorized((await login.ReadAsync<AuthResponse>()).AccessToken).GetAsync("/api/v1/me");
        await me.ShouldBe(200);
        var body = await me.ReadAsync<MeDto>();
        Assert.Equal(user.Id, body.Id);
        Assert.Equal("Lin", body.DisplayName);
        Assert.Empty(body.Workspaces);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_fail_the_same_way()
    {
        await RegisterAsync("known@example.com");

        var wrongPassword = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "known@example.com", password = "wrong password" });
        var unknownEmail = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password" });

        var first = await wrongPassword.ShouldBeProblem(401, "unauthenticated");
        var second = await unknownEmail.ShouldBeProblem(401, "unauthenticated");
        Assert.Equal(first.Detail, second.Detail);
    }

    [Fact]
    public async Task Repeated_login_failures_are_throttled_with_retry_after()
    {
        await RegisterAsync("target@example.com");
        for (var i = 0; i < 5; i++)
            await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "target@example.com", password = "guess " + i }))
                .ShouldBe(401);

        var blocked = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "target@example.com", password = Password });

        await blocked.ShouldBeProblem(429, "too_many_requests");
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token()
    {
        var user = await RegisterAsync();

        var refreshed = await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });

        await refreshed.ShouldBe(200);
        var body = await refreshed.ReadAsync<AuthResponse>();
        var next = body.RefreshToken;
        Assert.NotEqual(user.RefreshToken, next);
        await (await Authorized(body.AccessToken).GetAsync("/api/v1/me")).ShouldBe(200);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next })).ShouldBe(200);
    }

    [Fact]
    public async Task Reusing_a_used_refresh_token_is_refused_and_ends_the_whole_session()
    {
        var user = await RegisterAsync();
        var rotated = await (await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).ReadAsync<AuthResponse>();

        var reuse = await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });

        await reuse.ShouldBeProblem(401, "unauthenticated");
        // The token issued by the legitimate rotation is revoked too: the family is compromised.
        var descendant = await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = rotated.RefreshToken });
        await descendant.ShouldBeProblem(401);
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_token_let_exactly_one_through()
    {
        var user = await RegisterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })));

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        Assert.All(responses.Where(r => (int)r.StatusCode != 200), r => Assert.Equal(401, (int)r.StatusCode));
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await RegisterAsync();

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken })).ShouldBe(204);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldBeProblem(401);
    }

    [Fact]
    public async Task A_forged_or_garbage_token_is_401()
    {
        var forged = Authorized("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        await (await forged.GetAsync("/api/v1/me")).ShouldBeProblem(401, "unauthenticated");
        await (await Authorized("garbage").GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await Anonymous().GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task The_emailed_link_verifies_the_email_once()
    {
        var user = await RegisterAsync(verified: false);
        var token = TokenMailedTo(user.Email);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/verify-email", new { token })).ShouldBe(204);

        var me = await (await user.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.True(me.EmailVerified);
        var again = await Anonymous().PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        Assert.Contains("token", (await again.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task Password_reset_changes_the_password_and_signs_out_everywhere()
    {
        var user = await RegisterAsync("forgetful@example.com");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).ShouldBe(202);

        var reset = await Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password",
            new { token = TokenMailedTo(user.Email), newPassword = "a brand new secret" });

        await reset.ShouldBe(204);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password })).ShouldBe(401);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "a brand new secret" })).ShouldBe(200);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldBe(401);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_email_answers_the_same_and_sends_nothing()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "ghost@example.com" });

        await response.ShouldBe(202);
        Assert.DoesNotContain(Emails, e => e.To == "ghost@example.com");
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        var user = await RegisterAsync();
        await Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email });
        Clock.Advance(TimeSpan.FromHours(2));

        var reset = await Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password",
            new { token = TokenMailedTo(user.Email), newPassword = "a brand new secret" });

        Assert.Contains("token", (await reset.ShouldBeProblem(400)).ErrorFields());
    }
}
