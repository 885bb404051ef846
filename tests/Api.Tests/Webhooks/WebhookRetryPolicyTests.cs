using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static WebhookRetryPolicy Policy(int maxAttempts = 5) => new(Options.Create(new WebhookOptions
    {
        MaxAttempts = maxAttempts,
        RetryBaseDelay = TimeSpan.FromSeconds(10),
        RetryMaxDelay = TimeSpan.FromMinutes(5),
        MaxRetryAfter = TimeSpan.FromMinutes(30),
    }));

    [Theory]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(422, false)]
    [InlineData(301, false)]
    public void Server_errors_timeouts_and_throttling_are_retried_other_client_errors_are_not(int status, bool retried) =>
        Assert.Equal(retried, Policy().NextAttemptAt(1, DeliveryAttemptResult.FromStatus(status, null, null), Now) is not null);

    [Fact]
    public void Network_errors_are_retried_refusals_and_successes_are_not()
    {
        Assert.NotNull(Policy().NextAttemptAt(1, DeliveryAttemptResult.NetworkError("Connection failed."), Now));
        Assert.Null(Policy().NextAttemptAt(1, DeliveryAttemptResult.Refused("Refused."), Now));
        Assert.Null(Policy().NextAttemptAt(1, DeliveryAttemptResult.FromStatus(204, "No Content", null), Now));
    }

    [Fact]
    public void There_is_no_retry_after_the_last_attempt()
    {
        var failure = DeliveryAttemptResult.FromStatus(500, null, null);
        Assert.NotNull(Policy(maxAttempts: 3).NextAttemptAt(2, failure, Now));
        Assert.Null(Policy(maxAttempts: 3).NextAttemptAt(3, failure, Now));
    }

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(3, 20, 40)]
    [InlineData(5, 80, 160)]
    [InlineData(7, 150, 300)]
    [InlineData(30, 150, 300)]
    public void Backoff_doubles_with_jitter_and_is_capped(int attemptsMade, int minSeconds, int maxSeconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = Policy().Backoff(attemptsMade);
            Assert.InRange(delay, TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds));
        }
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        var asked = DeliveryAttemptResult.FromStatus(429, "Too Many Requests", TimeSpan.FromMinutes(3));
        Assert.Equal(Now + TimeSpan.FromMinutes(3), Policy().NextAttemptAt(1, asked, Now));

        var greedy = DeliveryAttemptResult.FromStatus(503, null, TimeSpan.FromDays(1));
        Assert.Equal(Now + TimeSpan.FromMinutes(30), Policy().NextAttemptAt(1, greedy, Now));
    }
}
