using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Commands.RunGeneration;

/// <summary>How an attempt ended. <see cref="LeaseLost"/>: someone else owns the job now and nothing was written.</summary>
public sealed record GenerationRunOutcome(GenerationStatus Status, int Attempt, string? ErrorCode, bool LeaseLost)
{
    public static GenerationRunOutcome Lost(int attempt) => new(GenerationStatus.Running, attempt, null, LeaseLost: true);
}

/// <summary>
/// Runs one attempt of a claimed generation; sent by a worker with the system principal, so the workspace is entered
/// and the tenant filter applies like for any request. The model is called outside any transaction (here, or before,
/// when a worker's batch made the attempt: it comes as <see cref="Attempt"/>); the attempt then finishes in the unit
/// of work after re-checking the lease under a row lock (<see cref="GenerationFinisher"/>). The unit of work commits
/// unless a worker's batch owns the transaction, which then commits it for several jobs at once.
/// </summary>
[RequiresPermission(Permission.GenerationsCreate)]
public sealed record RunGeneration(Guid WorkspaceId, Guid GenerationId, Guid LeaseToken, GenerationAttempt? Attempt = null)
    : ICommand<GenerationRunOutcome>, IWorkspaceRequest;

internal sealed class RunGenerationHandler(IGenerationQueue queue, GenerationAttempts attempts, GenerationFinisher finisher, IUnitOfWork unitOfWork)
    : IRequestHandler<RunGeneration, GenerationRunOutcome>
{
    public async Task<GenerationRunOutcome> Handle(RunGeneration request, CancellationToken cancellationToken)
    {
        var attempt = request.Attempt ?? await attempts.RunAsync(request.GenerationId, request.LeaseToken, cancellationToken);
        if (attempt.Lost)
            return GenerationRunOutcome.Lost(attempt.Attempts);
        if (await queue.LockLeasedAsync(request.WorkspaceId, request.GenerationId, request.LeaseToken, cancellationToken) is not { } generation)
            return GenerationRunOutcome.Lost(attempt.Attempts);
        await finisher.FinishAsync(generation, request.LeaseToken, attempt, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        finisher.Record(generation);
        return GenerationFinisher.Outcome(generation);
    }
}
