using System.Text.Json.Nodes;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Generations;

/// <summary>
/// Runs the model for one attempt of a claimed generation, outside any transaction, and writes nothing: the outcome
/// is applied afterwards by <c>RunGeneration</c>, which re-checks the lease under a row lock first.
/// </summary>
public sealed class GenerationAttempts(
    IGenerationQueue queue,
    GeneratorRegistry generators,
    IOptionsMonitor<GenerationOptions> options,
    RequestContext context,
    TimeProvider clock)
{
    /// <summary>
    /// One job of a worker's batch, read with the others before: the scope (one per job, as the batch's calls run side
    /// by side) enters the job's workspace as the system, as the model may read that workspace's data.
    /// </summary>
    public Task<GenerationAttempt> RunClaimedAsync(ClaimedGeneration job, Generation? snapshot, CancellationToken cancellationToken)
    {
        context.EnterWorkspace(job.WorkspaceId, Role.Owner);
        return RunAsync(snapshot?.WorkspaceId == job.WorkspaceId ? snapshot : null, job.LeaseToken, cancellationToken);
    }

    public async Task<GenerationAttempt> RunAsync(Guid generationId, Guid leaseToken, CancellationToken cancellationToken)
    {
        var snapshot = await queue.FindAsync(generationId, cancellationToken);
        return await RunAsync(snapshot, leaseToken, cancellationToken);
    }

    /// <param name="snapshot">The job as read before the call (a worker's batch reads all of its jobs at once); null when gone.</param>
    public async Task<GenerationAttempt> RunAsync(Generation? snapshot, Guid leaseToken, CancellationToken cancellationToken)
    {
        if (snapshot is null || !snapshot.IsLeasedTo(leaseToken))
            return GenerationAttempt.LeaseLost(snapshot?.Attempts ?? 0);

        var policy = RetryPolicy.From(options.CurrentValue);
        if (snapshot.Attempts > policy.MaxAttempts)
            return new GenerationAttempt(snapshot.Attempts, null, new AttemptFailure(GenerationError.Of(GenerationErrorCodes.Interrupted,
                "The job was interrupted more often than it may be attempted."), Retryable: false));
        if (snapshot.IsHoldLapsed(clock.GetUtcNow()))
            return new GenerationAttempt(snapshot.Attempts, null, HoldLapsed);
        var (output, failure) = await CallModelAsync(snapshot, cancellationToken);
        return new GenerationAttempt(snapshot.Attempts, output, failure);
    }

    public static AttemptFailure HoldLapsed => new(GenerationError.Of(GenerationErrorCodes.HoldExpired,
        "The credits reserved for this generation were released before it could finish."), Retryable: false);

    private async Task<(JsonObject? Output, AttemptFailure? Failure)> CallModelAsync(Generation generation, CancellationToken cancellationToken)
    {
        var previousError = generation.ErrorCode is { } code ? new GenerationError(code, generation.ErrorMessage ?? "") : null;
        var job = new GenerationJob(generation.Id, generation.WorkspaceId, generation.Kind, GenerationInput.FromJson(generation.Input),
            generation.ModelSettings, generation.Attempts, previousError);
        try
        {
            return (await generators.For(generation.Kind).GenerateAsync(job, cancellationToken), null);
        }
        catch (ModelException model)
        {
            return (null, new AttemptFailure(model.Error, model.IsTransient, model.RetryAfter));
        }
        catch (OutputInvalidException invalid)
        {
            return (null, new AttemptFailure(invalid.Error, Retryable: true, Immediate: true));
        }
    }
}
