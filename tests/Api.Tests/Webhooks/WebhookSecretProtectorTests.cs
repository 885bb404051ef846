using System.Security.Cryptography;
using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookSecretProtectorTests
{
    private static WebhookSecretProtector WithKey(byte[] key) =>
        new(Options.Create(new WebhookOptions { SecretKey = Convert.ToBase64String(key) }));

    [Fact]
    public void A_secret_round_trips_and_is_never_stored_twice_the_same()
    {
        var protector = WithKey(RandomNumberGenerator.GetBytes(32));
        const string secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMw==";

        var first = protector.Protect(secret);
        var second = protector.Protect(secret);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("c2VjcmV0", first);
        Assert.Equal(secret, protector.Unprotect(first));
        Assert.Equal(secret, protector.Unprotect(second));
    }

    [Fact]
    public void Another_key_or_an_altered_value_cannot_be_read()
    {
        var stored = WithKey(RandomNumberGenerator.GetBytes(32)).Protect("whsec_abc");
        Assert.ThrowsAny<CryptographicException>(() => WithKey(RandomNumberGenerator.GetBytes(32)).Unprotect(stored));

        var key = RandomNumberGenerator.GetBytes(32);
        var bytes = Convert.FromBase64String(WithKey(key).Protect("whsec_abc")["v1.".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => WithKey(key).Unprotect("v1." + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => WithKey(key).Unprotect("plain-text"));
    }
}
