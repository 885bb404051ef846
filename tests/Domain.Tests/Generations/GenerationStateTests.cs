using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;

namespace IaGenify.Domain.Tests.Generations;

public sealed class GenerationStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly GenerationError Boom = GenerationError.Of("model_unavailable", "down");

    private static Generation Queued() => Generation.Submit(Guid.NewGuid(), GenerationKind.Website, """{"prompt":"x"}""",
        new ModelSettings("offline", "offline", null, null), "website.generate", 20, null, null, null, Now);

    [Fact]
    public void A_submitted_generation_is_queued_and_due_at_once()
    {
        var generation = Queued();

        Assert.Equal(GenerationStatus.Queued, generation.Status);
        Assert.Equal(0, generation.Attempts);
        Assert.True(generation.CanBeClaimed(Now));
    }

    [Fact]
    public void Claiming_starts_an_attempt_under_a_lease()
    {
        var generation = Queued();
        var token = Guid.NewGuid();

        generation.Claim(token, Now, Lease);

        Assert.Equal(GenerationStatus.Running, generation.Status);
        Assert.Equal(1, generation.Attempts);
        Assert.True(generation.IsLeasedTo(token));
        Assert.False(generation.CanBeClaimed(Now + Lease - TimeSpan.FromSeconds(1)));
        Assert.True(generation.CanBeClaimed(Now + Lease));
    }

    [Fact]
    public void Only_the_current_lease_can_finish_a_job()
    {
        var generation = Queued();
        var dead = Guid.NewGuid();
        generation.Claim(dead, Now, Lease);
        var alive = Guid.NewGuid();
        generation.Claim(alive, Now + Lease, Lease);

        Assert.Equal("generation.lease_lost", Assert.Throws<BusinessRuleException>(() => generation.Succeed(dead, "{}", Now)).Code);
        generation.Succeed(alive, """{"ok":true}""", Now + Lease);

        Assert.Equal(GenerationStatus.Succeeded, generation.Status);
        Assert.Equal(2, generation.Attempts);
        Assert.Null(generation.LeaseToken);
        Assert.Equal(Now + Lease, generation.CompletedAt);
    }

    [Fact]
    public void A_retry_goes_back_to_the_queue_until_it_is_due()
    {
        var generation = Queued();
        var token = Guid.NewGuid();
        generation.Claim(token, Now, Lease);

        generation.ScheduleRetry(token, Boom, Now + TimeSpan.FromSeconds(4));

        Assert.Equal(GenerationStatus.Queued, generation.Status);
        Assert.Equal("model_unavailable", generation.ErrorCode);
        Assert.False(generation.CanBeClaimed(Now + TimeSpan.FromSeconds(3)));
        Assert.True(generation.CanBeClaimed(Now + TimeSpan.FromSeconds(4)));
        Assert.False(generation.IsLeasedTo(token));
    }

    [Fact]
    public void Failing_and_cancelling_are_final()
    {
        var failed = Queued();
        var token = Guid.NewGuid();
        failed.Claim(token, Now, Lease);
        failed.Fail(token, Boom, Now);
        var cancelled = Queued();
        cancelled.Cancel(Now);

        Assert.Equal(GenerationStatus.Failed, failed.Status);
        Assert.Equal(GenerationStatus.Cancelled, cancelled.Status);
        Assert.Throws<BusinessRuleException>(() => failed.Cancel(Now));
        Assert.Throws<BusinessRuleException>(() => cancelled.Cancel(Now));
        Assert.Throws<BusinessRuleException>(() => cancelled.Claim(Guid.NewGuid(), Now, Lease));
        Assert.False(cancelled.CanBeClaimed(Now + TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Cancelling_a_running_job_takes_the_lease_away_from_its_worker()
    {
        var generation = Queued();
        var token = Guid.NewGuid();
        generation.Claim(token, Now, Lease);

        generation.Cancel(Now);

        Assert.False(generation.IsLeasedTo(token));
        Assert.Throws<BusinessRuleException>(() => generation.Succeed(token, "{}", Now));
    }

    [Fact]
    public void A_lapsed_hold_is_recognised()
    {
        var generation = Queued();
        generation.AttachHold(Guid.NewGuid(), Now + TimeSpan.FromMinutes(30));

        Assert.False(generation.IsHoldLapsed(Now + TimeSpan.FromMinutes(29)));
        Assert.True(generation.IsHoldLapsed(Now + TimeSpan.FromMinutes(30)));
        Assert.Throws<InvalidOperationException>(() => generation.AttachHold(Guid.NewGuid(), Now));
    }
}
