using System.Net.Http.Headers;
using System.Security.Cryptography;
using IaGenify.Api.Tests.Support;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IaGenify.Api.Tests.Identity;

/// <summary>
/// What the one authentication handler accepts as an access token: HS256 with the platform's key, its issuer and
/// audience, within its lifetime, naming a user and an email. Anything else leaves the request anonymous (401).
/// </summary>
public sealed class AccessTokenValidationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Only_a_token_signed_with_the_platform_key_for_its_issuer_and_audience_and_still_valid_is_accepted()
    {
        var user = await RegisterAsync();
        var jwt = Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var key = jwt.SigningKeyBytes();

        await (await Bearer(Mint(user, jwt.Issuer, jwt.Audience, key)).GetAsync("/api/v1/me")).ShouldBe(200);

        string[] refused =
        [
            Mint(user, "someone-else", jwt.Audience, key),
            Mint(user, jwt.Issuer, "another-api", key),
            Mint(user, jwt.Issuer, jwt.Audience, RandomNumberGenerator.GetBytes(32)),
            Mint(user, jwt.Issuer, jwt.Audience, key, signed: false),
            Mint(user, jwt.Issuer, jwt.Audience, key, expires: DateTime.UtcNow.AddMinutes(-2)),
            Mint(user, jwt.Issuer, jwt.Audience, key, withEmail: false),
        ];
        foreach (var token in refused)
            await (await Bearer(token).GetAsync("/api/v1/me")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task Other_authorization_schemes_and_empty_credentials_are_anonymous()
    {
        var basic = Anonymous();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        await (await basic.GetAsync("/api/v1/me")).ShouldBeProblem(401);

        var emptyBearer = Anonymous();
        emptyBearer.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer   ");
        await (await emptyBearer.GetAsync("/api/v1/me")).ShouldBeProblem(401);

        var emptyKey = Anonymous();
        emptyKey.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", "");
        await (await emptyKey.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    private HttpClient Bearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Mint(TestUser user, string issuer, string audience, byte[] key,
        bool signed = true, DateTime? expires = null, bool withEmail = true)
    {
        var claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = user.Id.ToString() };
        if (withEmail)
            claims[JwtRegisteredClaimNames.Email] = user.Email;
        var until = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = until.AddMinutes(-10),
            NotBefore = until.AddMinutes(-10),
            Expires = until,
            // Unsigned is the "alg": "none" attack.
            SigningCredentials = signed ? new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256) : null,
        });
    }
}
