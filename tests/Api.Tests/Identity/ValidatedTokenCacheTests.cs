using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Identity;

/// <summary>
/// Validated access tokens are remembered for a while (<c>Jwt:ValidatedTokenCacheLifetime</c>); what the cache skips is
/// the signature and claim checks, never revocation, and only the exact token that was validated is remembered.
/// </summary>
public sealed class ValidatedTokenCacheTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_remembered_token_is_still_refused_as_soon_as_its_session_ends_and_a_tampered_one_never_passes()
    {
        var user = await RegisterAsync();
        for (var i = 0; i < 3; i++)
            await (await user.Client.GetAsync("/api/v1/me")).ShouldBe(200);

        var token = user.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        using var forged = Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        await (await forged.GetAsync("/api/v1/me")).ShouldBeProblem(401);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken })).ShouldBe(204);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }
}
