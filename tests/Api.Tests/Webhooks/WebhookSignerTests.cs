using System.Security.Cryptography;
using System.Text;
using IaGenify.Infrastructure.Webhooks;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void The_signature_is_the_hmac_of_id_timestamp_and_body_with_the_decoded_secret()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = "whsec_" + Convert.ToBase64String(key);
        var body = """{"type":"member.joined","timestamp":"2026-01-01T00:00:00+00:00","data":{"n":1}}"""u8.ToArray();
        using var hmac = new HMACSHA256(key);
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("msg_123.1700000000." + Encoding.UTF8.GetString(body))));

        Assert.Equal(expected, WebhookSigner.Sign(secret, "msg_123", 1700000000, body));
    }

    [Fact]
    public void It_matches_the_published_standard_webhooks_example()
    {
        var signature = WebhookSigner.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330, """{"test": 2432232314}"""u8);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Any_change_to_id_timestamp_body_or_secret_changes_the_signature()
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var body = "{}"u8.ToArray();
        var original = WebhookSigner.Sign(secret, "a", 1, body);

        Assert.NotEqual(original, WebhookSigner.Sign(secret, "b", 1, body));
        Assert.NotEqual(original, WebhookSigner.Sign(secret, "a", 2, body));
        Assert.NotEqual(original, WebhookSigner.Sign(secret, "a", 1, "{ }"u8));
        Assert.NotEqual(original, WebhookSigner.Sign("whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "a", 1, body));
    }
}
