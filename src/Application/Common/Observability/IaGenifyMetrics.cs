using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IaGenify.Application.Common.Observability;

/// <summary>
/// Every business instrument of the <c>IaGenify</c> meter, defined in one place so that names, units and tags stay
/// consistent. Modules do not create instruments: they call the method for their event. Tags take only values from
/// small fixed sets (type names, statuses, outcomes), never ids or user input, so that series stay few.
/// </summary>
public sealed class IaGenifyMetrics
{
    public const string MeterName = "IaGenify";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _apiKeyAuthentications;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _idempotentRequests;
    private readonly Counter<long> _generations;
    private readonly Counter<long> _creditsConsumed;
    private readonly Gauge<long> _jobQueueDepth;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobRetries;
    private readonly Counter<long> _analyticsEvents;
    private readonly Counter<long> _aiToolCalls;

    public IaGenifyMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("iagenify.requests", "{request}",
            "MediatR requests handled, by request type, kind (command/query) and outcome.");
        _requestDuration = meter.CreateHistogram<double>("iagenify.request.duration", "s",
            "Time spent in the request pipeline, by request type and outcome.");
        _apiKeyAuthentications = meter.CreateCounter<long>("iagenify.api_key.authentications", "{attempt}",
            "API key authentication attempts, by outcome (succeeded, malformed, unknown, revoked, expired).");
        _rateLimitRejections = meter.CreateCounter<long>("iagenify.rate_limit.rejections", "{request}",
            "Requests refused with 429, by the kind of caller whose limit was reached.");
        _idempotentRequests = meter.CreateCounter<long>("iagenify.idempotency.requests", "{request}",
            "Commands sent with an Idempotency-Key, by outcome (executed, replayed, mismatch, in_flight).");
        _generations = meter.CreateCounter<long>("iagenify.generations", "{generation}",
            "Generations reaching a status, by kind and status.");
        _creditsConsumed = meter.CreateCounter<long>("iagenify.credits.consumed", "{credit}",
            "Credits captured from holds, by the kind of work that consumed them.");
        _jobQueueDepth = meter.CreateGauge<long>("iagenify.jobs.queue_depth", "{job}",
            "Jobs waiting to be claimed, by queue, as last observed by a worker.");
        _jobDuration = meter.CreateHistogram<double>("iagenify.jobs.duration", "s",
            "Time from claim to completion of a job, by queue and outcome.");
        _jobRetries = meter.CreateCounter<long>("iagenify.jobs.retries", "{retry}",
            "Job attempts scheduled again after a transient failure, by queue.");
        _analyticsEvents = meter.CreateCounter<long>("iagenify.analytics.events", "{event}",
            "Analytics events by outcome: buffered, dropped (buffer full), stored, failed (a batch could not be written).");
        _aiToolCalls = meter.CreateCounter<long>("iagenify.ai.tool_calls", "{call}",
            "AI tool calls, by tool, surface (mcp, assistant) and outcome (succeeded or the error code).");
    }

    public void RequestHandled(string requestType, string kind, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "request", requestType }, { "kind", kind }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void ApiKeyAuthenticated(string outcome) => _apiKeyAuthentications.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RateLimitRejected(string callerKind) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("caller", callerKind));

    public void IdempotentRequest(string outcome) => _idempotentRequests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>For the generation layer: call once per status a generation reaches (queued, succeeded, failed…).</summary>
    public void GenerationReached(string kind, string status) =>
        _generations.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("status", status));

    /// <summary>For the credit ledger: call when a capture commits, with the credits actually taken.</summary>
    public void CreditsConsumed(long credits, string kind) =>
        _creditsConsumed.Add(credits, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>For the job worker: the number of claimable jobs it saw when it last polled the queue.</summary>
    public void JobQueueDepth(string queue, long depth) =>
        _jobQueueDepth.Record(depth, new KeyValuePair<string, object?>("queue", queue));

    public void JobCompleted(string queue, string outcome, TimeSpan duration) =>
        _jobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("outcome", outcome));

    public void JobRetried(string queue) => _jobRetries.Add(1, new KeyValuePair<string, object?>("queue", queue));

    /// <summary>For the analytics buffer and writer: events by outcome (buffered, dropped, stored, failed).</summary>
    public void AnalyticsEvents(string outcome, long count = 1) =>
        _analyticsEvents.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>For the AI tool layer: one call of a registered tool (or "unknown").</summary>
    public void AiToolCalled(string tool, string surface, string outcome) =>
        _aiToolCalls.Add(1, new TagList { { "tool", tool }, { "surface", surface }, { "outcome", outcome } });
}
