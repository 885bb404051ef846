using System.Net.Http.Json;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.BeginTotpEnrolment;
using IaGenify.Application.Identity.Commands.ConfirmTotpEnrolment;
using OtpNet;

namespace IaGenify.Api.Tests.Support;

public abstract partial class ApiTest
{
    protected const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    protected const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>Signs in with the password, optionally as a given browser; answers the raw login response.</summary>
    protected async Task<HttpResponseMessage> LoginAsync(string email, string password = Password, string? userAgent = null)
    {
        var client = Anonymous();
        if (userAgent is not null)
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    }

    /// <summary>Signs in (without two-factor) and returns the new session: its tokens and a client using them.</summary>
    protected async Task<TestSession> SignInAsync(TestUser user, string? userAgent = null)
    {
        var response = await LoginAsync(user.Email, userAgent: userAgent);
        await response.ShouldBe(200);
        return ToSession(await response.ReadAsync<AuthResponse>(), userAgent);
    }

    protected TestSession ToSession(AuthResponse session, string? userAgent = null)
    {
        var client = Authorized(session.AccessToken);
        if (userAgent is not null)
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return new TestSession(session.RefreshToken, client);
    }

    protected async Task<HttpResponseMessage> RefreshAsync(string refreshToken, string? userAgent = null)
    {
        var client = Anonymous();
        if (userAgent is not null)
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
    }

    /// <summary>Enrols an authenticator for the user and confirms it; returns the secret and the recovery codes.</summary>
    protected async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnableTotpAsync(HttpClient client)
    {
        var begin = await client.PostAsync("/api/v1/me/mfa/totp", null);
        await begin.ShouldBe(200);
        var secret = (await begin.ReadAsync<TotpEnrolmentDto>()).Secret;
        var confirm = await client.PostAsJsonAsync("/api/v1/me/mfa/totp/confirm", new { code = TotpCode(secret) });
        await confirm.ShouldBe(200);
        var codes = (await confirm.ReadAsync<RecoveryCodesDto>()).RecoveryCodes;
        return (secret, codes);
    }

    /// <summary>The code an authenticator app shows for the secret, <paramref name="steps"/> 30-second steps from now.</summary>
    protected string TotpCode(string secret, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>
    /// Waits, if need be, until at least 8 seconds remain in the current 30-second step, so that a code computed now
    /// belongs to the same step when the API checks it.
    /// </summary>
    protected async Task AwayFromStepEndAsync()
    {
        var intoStep = Clock.GetUtcNow().ToUnixTimeMilliseconds() % 30_000;
        if (intoStep > 22_000)
            await Task.Delay(TimeSpan.FromMilliseconds(30_000 - intoStep + 200));
    }

    /// <summary>Finishes a sign-in that answered mfaRequired.</summary>
    protected async Task<HttpResponseMessage> LoginWithMfaAsync(string mfaToken, string? code = null, string? recoveryCode = null) =>
        await Anonymous().PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfaToken, code, recoveryCode });

    /// <summary>Signs in with the password and answers the mfaToken of the challenge.</summary>
    protected async Task<string> MfaTokenAsync(string email)
    {
        var response = await LoginAsync(email);
        await response.ShouldBe(200);
        // The challenge must carry no token on the wire, so the absence is checked on the raw document.
        var raw = await response.Content.ReadAsStringAsync();
        Assert.False(ApiJson.Read<System.Text.Json.JsonElement>(raw).TryGetProperty("accessToken", out _));
        var challenge = ApiJson.Read<MfaChallenge>(raw);
        Assert.True(challenge.MfaRequired);
        return challenge.MfaToken;
    }
}

public sealed record TestSession(string RefreshToken, HttpClient Client);
