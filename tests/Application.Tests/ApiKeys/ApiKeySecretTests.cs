using IaGenify.Application.ApiKeys;

namespace IaGenify.Application.Tests.ApiKeys;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_new_secret_is_prefixed_well_formed_and_unique()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiKeySecret.Create()).ToList();

        Assert.All(secrets, s =>
        {
            Assert.StartsWith("iag_", s);
            Assert.Equal(ApiKeySecret.Length, s.Length);
            Assert.True(ApiKeySecret.IsWellFormed(s));
        });
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("iag_")]
    [InlineData("iag_tooShort")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("IAG_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("iag_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("iag_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("iag_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public void Anything_else_is_malformed(string? presented) => Assert.False(ApiKeySecret.IsWellFormed(presented));

    [Fact]
    public void The_hash_is_a_stable_sha256_that_does_not_contain_the_secret()
    {
        var secret = ApiKeySecret.Create();

        var hash = ApiKeySecret.Hash(secret);

        Assert.Equal(hash, ApiKeySecret.Hash(secret));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, ApiKeySecret.Hash(ApiKeySecret.Create()));
        Assert.DoesNotContain(secret[ApiKeySecret.Prefix.Length..], hash);
    }

    [Fact]
    public void The_display_prefix_shows_a_few_characters_only()
    {
        var secret = ApiKeySecret.Create();

        var shown = ApiKeySecret.DisplayPrefixOf(secret);

        Assert.Equal(12, shown.Length);
        Assert.StartsWith(shown, secret);
    }
}
