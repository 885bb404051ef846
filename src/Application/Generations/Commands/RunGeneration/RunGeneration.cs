using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Events;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Generations.Commands.RunGeneration;

/// <summary>How an attempt ended. <see cref="LeaseLost"/>: someone else owns the job now and nothing was written.</summary>
public sealed record GenerationRunOutcome(GenerationStatus Status, int Attempt, string? ErrorCode, bool LeaseLost)
{
    public static GenerationRunOutcome Lost(int attempt) => new(GenerationStatus.Running, attempt, null, LeaseLost: true);
}

/// <summary>
/// Runs one attempt of a claimed generation; sent by a worker with the system principal, so the workspace is entered
/// and the tenant filter applies like for any request. The model is called outside any transaction (here, or before,
/// by <c>AttemptGeneration</c>, whose result comes as <see cref="Attempt"/>); the attempt then finishes in the unit of
/// work after re-checking the lease under a row lock: success stores the output, applies it to its module and
/// captures the hold; a passing failure puts the job back in the queue; a final failure releases the hold. The unit
/// of work commits unless a worker's batch owns the transaction, which then commits it for several jobs at once.
/// </summary>
[RequiresPermission(Permission.GenerationsCreate)]
public sealed record RunGeneration(Guid WorkspaceId, Guid GenerationId, Guid LeaseToken, GenerationAttempt? Attempt = null)
    : ICommand<GenerationRunOutcome>, IWorkspaceRequest;

internal sealed class RunGenerationHandler(
    IGenerationQueue queue,
    GenerationAttempts attempts,
    IEnumerable<IGenerationCompletion> completions,
    ICreditLedger ledger,
    IEventPublisher events,
    IaGenifyMetrics metrics,
    IUnitOfWork unitOfWork,
    IOptionsMonitor<GenerationOptions> options,
    TimeProvider clock,
    ILogger<RunGenerationHandler> logger) : IRequestHandler<RunGeneration, GenerationRunOutcome>
{
    public async Task<GenerationRunOutcome> Handle(RunGeneration request, CancellationToken cancellationToken)
    {
        var attempt = request.Attempt ?? await attempts.RunAsync(request.GenerationId, request.LeaseToken, cancellationToken);
        if (attempt.Lost)
            return GenerationRunOutcome.Lost(attempt.Attempts);
        // A copy: the same attempt may be applied again (alone, after its batch failed), and applying may move nodes.
        var (output, failure) = (attempt.Output?.DeepClone().AsObject(), attempt.Failure);

        if (await queue.LockLeasedAsync(request.WorkspaceId, request.GenerationId, request.LeaseToken, cancellationToken) is not { } generation)
            return GenerationRunOutcome.Lost(attempt.Attempts);
        var now = clock.GetUtcNow();
        if (output is not null && generation.IsHoldLapsed(now))
            (output, failure) = (null, GenerationAttempts.HoldLapsed);

        if (output is not null)
        {
            try
            {
                foreach (var completion in completions.Where(c => c.Handles(generation)))
                    await completion.OnSucceededAsync(generation, output, cancellationToken);
                generation.Succeed(request.LeaseToken, output.ToJsonString(), now);
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
            await FailAsync(generation, request.LeaseToken, failure, RetryPolicy.From(options.CurrentValue), now, cancellationToken);

        PublishOutcome(generation);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        RecordOutcome(generation);
        return new GenerationRunOutcome(generation.Status, generation.Attempts, generation.ErrorCode, LeaseLost: false);
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

    /// <summary>After the commit: metrics and one log line per attempt (type names and ids, never the payload).</summary>
    private void RecordOutcome(Generation generation)
    {
        var kind = ModelSettingsResolver.KindName(generation.Kind);
        if (generation.Status == GenerationStatus.Queued)
            metrics.JobRetried(GenerationMetrics.Queue);
        else
            metrics.GenerationReached(kind, generation.Status.ToString().ToLowerInvariant());
        logger.LogInformation("Generation {GenerationId} ({Kind}) attempt {Attempt}: {Status} {ErrorCode}",
            generation.Id, generation.Kind, generation.Attempts, generation.Status, generation.ErrorCode);
    }
}
