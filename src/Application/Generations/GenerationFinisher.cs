using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Commands.RunGeneration;
using IaGenify.Application.Generations.Generators;
using IaGenify.Domain.Events;
using IaGenify.Domain.Generations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Generations;

/// <summary>
/// Applies a finished attempt to its job, which the caller locked under the attempt's lease in the unit of work:
/// success stores the output, applies it to its module and captures the hold; a passing failure puts the job back
/// in the queue; a final failure releases the hold. Final outcomes are staged as outbox events. Nothing is saved
/// here: one job's command saves it alone, a worker's batch saves several at once.
/// </summary>
public sealed class GenerationFinisher(
    IEnumerable<IGenerationCompletion> completions,
    ICreditLedger ledger,
    IEventPublisher events,
    IaGenifyMetrics metrics,
    IOptionsMonitor<GenerationOptions> options,
    TimeProvider clock,
    ILogger<GenerationFinisher> logger)
{
    public async Task FinishAsync(Generation generation, Guid leaseToken, GenerationAttempt attempt, CancellationToken cancellationToken)
    {
        // A copy: the same attempt may be applied again (alone, after its batch failed), and applying may move nodes.
        var (output, failure) = (attempt.Output?.DeepClone().AsObject(), attempt.Failure);
        var now = clock.GetUtcNow();
        if (output is not null && generation.IsHoldLapsed(now))
            (output, failure) = (null, GenerationAttempts.HoldLapsed);

        if (output is not null)
        {
            try
            {
                foreach (var completion in completions.Where(c => c.Handles(generation)))
                    await completion.OnSucceededAsync(generation, output, cancellationToken);
                generation.Succeed(leaseToken, output.ToJsonString(), now);
                if (generation.HoldId is { } holdId)
                    await ledger.CaptureAsync(generation.WorkspaceId, holdId, generation.Price, GenerationSubmitter.CaptureKey(generation.Id),
                        cancellationToken);
            }
            catch (GenerationNotAppliedException notApplied)
            {
                failure = new AttemptFailure(notApplied.Error, Retryable: false);
            }
        }
        if (failure is not null)
            await FailAsync(generation, leaseToken, failure, RetryPolicy.From(options.CurrentValue), now, cancellationToken);

        PublishOutcome(generation);
    }

    public static GenerationRunOutcome Outcome(Generation generation) =>
        new(generation.Status, generation.Attempts, generation.ErrorCode, LeaseLost: false);

    /// <summary>After the commit: metrics and one log line per attempt (type names and ids, never the payload).</summary>
    public void Record(Generation generation)
    {
        var kind = ModelSettingsResolver.KindName(generation.Kind);
        if (generation.Status == GenerationStatus.Queued)
            metrics.JobRetried(GenerationMetrics.Queue);
        else
            metrics.GenerationReached(kind, generation.Status.ToString().ToLowerInvariant());
        logger.LogInformation("Generation {GenerationId} ({Kind}) attempt {Attempt}: {Status} {ErrorCode}",
            generation.Id, generation.Kind, generation.Attempts, generation.Status, generation.ErrorCode);
    }

    private async Task FailAsync(Generation generation, Guid leaseToken, AttemptFailure failure, RetryPolicy policy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var decision = policy.Decide(generation.Attempts, failure);
        if (decision.Retry)
        {
            generation.ScheduleRetry(leaseToken, failure.Error, now + decision.Delay);
            return;
        }
        generation.Fail(leaseToken, failure.Error, now);
        if (generation.HoldId is { } holdId)
            await ledger.ReleaseAsync(generation.WorkspaceId, holdId, GenerationSubmitter.ReleaseKey(generation.Id), cancellationToken);
        foreach (var completion in completions.Where(c => c.Handles(generation)))
            await completion.OnFailedAsync(generation, cancellationToken);
    }

    /// <summary>Final outcomes go out as events through the outbox, in the transaction that settles the credits.</summary>
    private void PublishOutcome(Generation generation)
    {
        if (generation.Status is not (GenerationStatus.Succeeded or GenerationStatus.Failed))
            return;
        var data = new GenerationEventData(generation.Id, generation.Kind, generation.Status, generation.Attempts,
            generation.Status == GenerationStatus.Succeeded ? generation.Price : 0, generation.ErrorCode,
            GenerationInput.FromJson(generation.Input).WebsiteId);
        events.Publish(generation.WorkspaceId, generation.Status == GenerationStatus.Succeeded ? EventTypes.GenerationSucceeded : EventTypes.GenerationFailed,
            data);
    }
}
