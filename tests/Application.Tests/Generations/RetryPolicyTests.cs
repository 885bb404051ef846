using IaGenify.Application.Generations;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Tests.Generations;

public sealed class RetryPolicyTests
{
    private static readonly GenerationError Error = GenerationError.Of("model_unavailable", "down");

    private static RetryPolicy Policy(double random = 1.0) =>
        new(maxAttempts: 4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), () => random);

    [Fact]
    public void Backoff_doubles_per_attempt_up_to_the_cap()
    {
        var policy = Policy();
        var transient = new AttemptFailure(Error, Retryable: true);

        Assert.Equal(TimeSpan.FromSeconds(2), policy.Decide(1, transient).Delay);
        Assert.Equal(TimeSpan.FromSeconds(4), policy.Decide(2, transient).Delay);
        Assert.Equal(TimeSpan.FromSeconds(8), policy.Decide(3, transient).Delay);
        Assert.Equal(TimeSpan.FromSeconds(10), new RetryPolicy(10, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), () => 1.0)
            .Decide(6, transient).Delay);
    }

    [Fact]
    public void Jitter_keeps_at_least_half_of_the_backoff()
    {
        var transient = new AttemptFailure(Error, Retryable: true);

        Assert.Equal(TimeSpan.FromSeconds(2), Policy(random: 0).Decide(2, transient).Delay);
        Assert.Equal(TimeSpan.FromSeconds(3), Policy(random: 0.5).Decide(2, transient).Delay);
    }

    [Fact]
    public void Retry_after_wins_but_is_capped()
    {
        var policy = Policy();

        Assert.Equal(TimeSpan.FromSeconds(7), policy.Decide(1, new AttemptFailure(Error, true, TimeSpan.FromSeconds(7))).Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Decide(1, new AttemptFailure(Error, true, TimeSpan.FromHours(1))).Delay);
    }

    [Fact]
    public void Invalid_output_is_retried_at_once()
    {
        var decision = Policy().Decide(1, new AttemptFailure(Error, Retryable: true, Immediate: true));

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.Zero, decision.Delay);
    }

    [Fact]
    public void Permanent_failures_and_the_last_attempt_give_up()
    {
        var policy = Policy();

        Assert.False(policy.Decide(1, new AttemptFailure(Error, Retryable: false)).Retry);
        Assert.False(policy.Decide(4, new AttemptFailure(Error, Retryable: true)).Retry);
        Assert.True(policy.Decide(3, new AttemptFailure(Error, Retryable: true)).Retry);
    }
}
