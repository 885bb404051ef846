using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.BeginTotpEnrolment;
using IaGenify.Application.Identity.Commands.ConfirmTotpEnrolment;

namespace IaGenify.Api.Tests.Identity;

public sealed class TotpTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Enrolment_is_pending_until_a_code_confirms_it_and_answers_ten_recovery_codes()
    {
        var user = await RegisterAsync("ada@example.com");
        await AwayFromStepEndAsync();

        var begin = await user.Client.PostAsync("/api/v1/me/mfa/totp", null);
        await begin.ShouldBe(200);
        var body = await begin.ReadAsync<TotpEnrolmentDto>();
        var secret = body.Secret;
        Assert.StartsWith("otpauth://totp/", body.OtpauthUri);
        Assert.Contains($"secret={secret}", body.OtpauthUri);
        // Pending: signing in still needs the password only.
        await (await LoginAsync(user.Email)).ShouldBe(200);

        var wrong = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/totp/confirm", new { code = "000000" == TotpCode(secret) ? "111111" : "000000" });
        Assert.Equal(["code"], (await wrong.ShouldBeProblem(400)).ErrorFields());
        var confirmed = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/totp/confirm", new { code = TotpCode(secret) });

        await confirmed.ShouldBe(200);
        var codes = (await confirmed.ReadAsync<RecoveryCodesDto>()).RecoveryCodes;
        Assert.Equal(10, codes.Distinct().Count());
        var stored = await ScalarAsync<string>("SELECT totp_secret FROM users WHERE id = @id", ("id", user.Id));
        Assert.StartsWith("v1.", stored);
        Assert.DoesNotContain(secret, stored);
        Assert.Equal(10L, await ScalarAsync<long>("SELECT count(*) FROM recovery_codes WHERE user_id = @id", ("id", user.Id)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM recovery_codes WHERE code_hash = ANY(@codes)", ("codes", codes.ToArray())));
        await (await user.Client.PostAsync("/api/v1/me/mfa/totp", null)).ShouldBeProblem(409);
    }

    [Fact]
    public async Task With_totp_on_login_answers_a_challenge_and_a_code_completes_it_once()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var (secret, _) = await EnableTotpAsync(user.Client);

        var mfaToken = await MfaTokenAsync(user.Email);
        // The enrolment used the current step; the next one (one step of drift ahead) is still accepted.
        var code = TotpCode(secret, steps: 1);
        var completed = await LoginWithMfaAsync(mfaToken, code);

        await completed.ShouldBe(200);
        var session = ToSession(await completed.ReadAsync<AuthResponse>());
        await (await session.Client.GetAsync("/api/v1/me")).ShouldBe(200);
        await (await LoginWithMfaAsync(mfaToken, code)).ShouldBeProblem(401);
        var replay = await LoginWithMfaAsync(await MfaTokenAsync(user.Email), code);
        Assert.Equal(["code"], (await replay.ShouldBeProblem(400)).ErrorFields());
        var current = await LoginWithMfaAsync(await MfaTokenAsync(user.Email), TotpCode(secret));
        Assert.Equal(["code"], (await current.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task One_step_of_clock_drift_is_accepted_either_way_and_two_are_not()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var begin = await (await user.Client.PostAsync("/api/v1/me/mfa/totp", null)).ReadAsync<TotpEnrolmentDto>();
        var secret = begin.Secret;

        var tooOld = await user.Client.PostAsJsonAsync("/api/v1/me/mfa/totp/confirm", new { code = TotpCode(secret, steps: -2) });
        await tooOld.ShouldBeProblem(400);
        await (await user.Client.PostAsJsonAsync("/api/v1/me/mfa/totp/confirm", new { code = TotpCode(secret, steps: -1) })).ShouldBe(200);

        var tooNew = await LoginWithMfaAsync(await MfaTokenAsync(user.Email), TotpCode(secret, steps: 2));
        await tooNew.ShouldBeProblem(400);
        await (await LoginWithMfaAsync(await MfaTokenAsync(user.Email), TotpCode(secret, steps: 1))).ShouldBe(200);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var (_, codes) = await EnableTotpAsync(user.Client);

        await (await LoginWithMfaAsync(await MfaTokenAsync(user.Email), recoveryCode: codes[3].ToUpperInvariant())).ShouldBe(200);

        var again = await LoginWithMfaAsync(await MfaTokenAsync(user.Email), recoveryCode: codes[3]);
        Assert.Equal(["recoveryCode"], (await again.ShouldBeProblem(400)).ErrorFields());
        await (await LoginWithMfaAsync(await MfaTokenAsync(user.Email), recoveryCode: codes[4])).ShouldBe(200);
    }

    [Fact]
    public async Task The_mfa_token_expires_after_five_minutes_and_needs_exactly_one_kind_of_code()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var (secret, codes) = await EnableTotpAsync(user.Client);
        var mfaToken = await MfaTokenAsync(user.Email);

        var neither = await LoginWithMfaAsync(mfaToken);
        await neither.ShouldBeProblem(400);
        var both = await LoginWithMfaAsync(mfaToken, TotpCode(secret, 1), codes[0]);
        await both.ShouldBeProblem(400);
        await (await LoginWithMfaAsync("not-a-token", recoveryCode: codes[0])).ShouldBeProblem(401);

        Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await (await LoginWithMfaAsync(mfaToken, recoveryCode: codes[0])).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_login_throttle()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var (_, codes) = await EnableTotpAsync(user.Client);
        var mfaToken = await MfaTokenAsync(user.Email);

        for (var attempt = 0; attempt < 5; attempt++)
            await (await LoginWithMfaAsync(mfaToken, recoveryCode: $"wrong-{attempt:D5}")).ShouldBeProblem(400);

        await (await LoginWithMfaAsync(mfaToken, recoveryCode: codes[0])).ShouldBeProblem(429);
        await (await LoginAsync(user.Email)).ShouldBeProblem(429);
    }

    [Fact]
    public async Task Turning_totp_off_needs_the_password_and_a_code_then_login_needs_the_password_only()
    {
        var user = await RegisterAsync();
        await AwayFromStepEndAsync();
        var (secret, _) = await EnableTotpAsync(user.Client);

        var wrongPassword = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/mfa/totp")
        {
            Content = JsonContent.Create(new { password = "not it at all", code = TotpCode(secret, 1) }),
        });
        Assert.Equal(["password"], (await wrongPassword.ShouldBeProblem(400)).ErrorFields());
        var off = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/mfa/totp")
        {
            Content = JsonContent.Create(new { password = Password, code = TotpCode(secret, 1) }),
        });

        await off.ShouldBe(204);
        var login = await (await LoginAsync(user.Email)).ReadAsync<AuthResponse>();
        Assert.NotNull(login.AccessToken);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM recovery_codes WHERE user_id = @id", ("id", user.Id)));
        Assert.Null(await ScalarAsync<object>("SELECT totp_secret FROM users WHERE id = @id", ("id", user.Id)) as string);
    }
}
