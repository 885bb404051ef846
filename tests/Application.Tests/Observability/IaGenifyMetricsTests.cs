namespace IaGenify.Application.Tests.Observability;

public sealed class IaGenifyMetricsTests
{
    [Fact]
    public void Each_event_method_records_on_its_instrument_with_its_tags()
    {
        using var capture = new MeterCapture();
        var metrics = capture.Metrics;

        metrics.RequestHandled("CreateInvitation", "command", "succeeded", TimeSpan.FromMilliseconds(20));
        metrics.ApiKeyAuthenticated("revoked");
        metrics.RateLimitRejected("user");
        metrics.IdempotentRequest("replayed");
        metrics.GenerationReached("image", "succeeded");
        metrics.CreditsConsumed(40, "website");
        metrics.JobQueueDepth("generations", 7);
        metrics.JobCompleted("generations", "failed", TimeSpan.FromSeconds(3));
        metrics.JobRetried("generations");

        var request = capture.Single("iagenify.requests");
        Assert.Equal(("CreateInvitation", "command", "succeeded"), (request.Tags["request"], request.Tags["kind"], request.Tags["outcome"]));
        Assert.Equal(0.02, capture.Single("iagenify.request.duration").Value, 3);
        Assert.Equal("revoked", capture.Single("iagenify.api_key.authentications").Tags["outcome"]);
        Assert.Equal("user", capture.Single("iagenify.rate_limit.rejections").Tags["caller"]);
        Assert.Equal("replayed", capture.Single("iagenify.idempotency.requests").Tags["outcome"]);
        Assert.Equal(("image", "succeeded"), (capture.Single("iagenify.generations").Tags["kind"], capture.Single("iagenify.generations").Tags["status"]));
        Assert.Equal((40d, "website"), (capture.Single("iagenify.credits.consumed").Value, capture.Single("iagenify.credits.consumed").Tags["kind"]));
        Assert.Equal(7d, capture.Single("iagenify.jobs.queue_depth").Value);
        Assert.Equal(("generations", "failed"), (capture.Single("iagenify.jobs.duration").Tags["queue"], capture.Single("iagenify.jobs.duration").Tags["outcome"]));
        Assert.Equal("generations", capture.Single("iagenify.jobs.retries").Tags["queue"]);
    }
}
