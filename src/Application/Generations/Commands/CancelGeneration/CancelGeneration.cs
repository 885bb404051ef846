using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Commands.CancelGeneration;

/// <summary>
/// Cancels a queued or running generation and releases its hold. The row is locked first, so a worker finishing at
/// the same moment either commits before (the cancel is then refused: it already succeeded) or loses its lease.
/// </summary>
[RequiresPermission(Permission.GenerationsCreate)]
public sealed record CancelGeneration(Guid WorkspaceId, Guid GenerationId) : ICommand<GenerationDto>, IWorkspaceRequest;

internal sealed class CancelGenerationHandler(
    IRepository<Generation> generations,
    IGenerationQueue queue,
    ICreditLedger ledger,
    IEnumerable<IGenerationCompletion> completions,
    IUnitOfWork unitOfWork,
    IaGenifyMetrics metrics,
    TimeProvider clock) : IRequestHandler<CancelGeneration, GenerationDto>
{
    public async Task<GenerationDto> Handle(CancelGeneration request, CancellationToken cancellationToken)
    {
        if (!await generations.AnyAsync(new GenerationByIdSpec(request.GenerationId), cancellationToken))
            throw new NotFoundException("Generation");
        await queue.LockAsync(request.WorkspaceId, request.GenerationId, cancellationToken);
        var generation = await generations.FirstOrNotFoundAsync(new GenerationByIdSpec(request.GenerationId, tracking: true), "Generation", cancellationToken);

        generation.Cancel(clock.GetUtcNow());
        if (generation.HoldId is { } holdId)
            await ledger.ReleaseAsync(generation.WorkspaceId, holdId, GenerationSubmitter.ReleaseKey(generation.Id), cancellationToken);
        foreach (var completion in completions.Where(c => c.Handles(generation)))
            await completion.OnFailedAsync(generation, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        metrics.GenerationReached(ModelSettingsResolver.KindName(generation.Kind), "cancelled");
        return GenerationDto.From(generation);
    }
}
