using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Commands.SubmitGeneration;

/// <summary>The input a client gives: a prompt, and a business name (website) or a section type (section).</summary>
public sealed record GenerationRequestInput(string Prompt, string? Name = null, string? SectionType = null);

/// <summary>Queues a generation after reserving its price (402 when it does not fit). The result is not applied to any website.</summary>
[RequiresPermission(Permission.GenerationsCreate)]
public sealed record SubmitGeneration(Guid WorkspaceId, GenerationKind Kind, GenerationRequestInput Input, string? IdempotencyKey)
    : ICommand<SubmittedGenerationDto>, IWorkspaceRequest;

internal sealed class SubmitGenerationHandler(GenerationSubmitter submitter) : IRequestHandler<SubmitGeneration, SubmittedGenerationDto>
{
    public async Task<SubmittedGenerationDto> Handle(SubmitGeneration request, CancellationToken cancellationToken)
    {
        var input = new GenerationInput(request.Input.Prompt.Trim(), request.Input.Name?.Trim(), request.Input.SectionType);
        var fingerprint = GenerationSubmitter.Fingerprint(request.Kind, input);
        var generation = await submitter.FindReplayAsync(request.WorkspaceId, request.IdempotencyKey, fingerprint, cancellationToken)
            ?? await submitter.CommitAsync(
                await submitter.StageAsync(request.WorkspaceId, request.Kind, input, request.IdempotencyKey, fingerprint, cancellationToken),
                cancellationToken);
        return new SubmittedGenerationDto(generation.Id, generation.Status, generation.Price);
    }
}
