using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assets.Commands.GenerateImage;

/// <summary>
/// Queues an image generation after reserving its price; when it succeeds the image is added to the workspace's
/// assets. The same as submitting an <c>image</c> generation, as one plain use case for AI clients.
/// </summary>
/// <param name="Prompt">What the image should show, in plain words.</param>
/// <param name="IdempotencyKey">Any unique string: a retry with the same key and prompt answers the first generation and charges once.</param>
[RequiresPermission(Permission.GenerationsCreate)]
[AiTool("images_generate", "Generate an image from a prompt; it is added to the workspace's assets when done.",
    SpendsCredits = true, PriceKey = "image.generate")]
public sealed record GenerateImage(Guid WorkspaceId, string Prompt, string? IdempotencyKey) : ICommand<SubmittedGenerationDto>, IWorkspaceRequest;

internal sealed class GenerateImageHandler(GenerationSubmitter submitter) : IRequestHandler<GenerateImage, SubmittedGenerationDto>
{
    public async Task<SubmittedGenerationDto> Handle(GenerateImage request, CancellationToken cancellationToken)
    {
        var input = new GenerationInput(request.Prompt.Trim(), null, null);
        var fingerprint = GenerationSubmitter.Fingerprint(GenerationKind.Image, input);
        var generation = await submitter.FindReplayAsync(request.WorkspaceId, request.IdempotencyKey, fingerprint, cancellationToken)
            ?? await submitter.CommitAsync(
                await submitter.StageAsync(request.WorkspaceId, GenerationKind.Image, input, request.IdempotencyKey, fingerprint, cancellationToken),
                cancellationToken);
        return new SubmittedGenerationDto(generation.Id, generation.Status, generation.Price);
    }
}
