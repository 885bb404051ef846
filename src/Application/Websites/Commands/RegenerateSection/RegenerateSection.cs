using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.RegenerateSection;

/// <summary>Queues a section generation; when it succeeds the section's props are replaced (202 with the generation).</summary>
/// <param name="Instruction">How to change the section, e.g. "shorter, friendlier".</param>
[RequiresPermission(Permission.GenerationsCreate)]
[AiTool("sections_regenerate", "Regenerate a section's content following an instruction.", SpendsCredits = true, PriceKey = "section.generate")]
public sealed record RegenerateSection(Guid WorkspaceId, Guid WebsiteId, Guid SectionId, string Instruction, string? IdempotencyKey)
    : ICommand<SubmittedGenerationDto>, IWorkspaceRequest;

internal sealed class RegenerateSectionHandler(WebsiteEditing editing, GenerationSubmitter submitter)
    : IRequestHandler<RegenerateSection, SubmittedGenerationDto>
{
    public async Task<SubmittedGenerationDto> Handle(RegenerateSection request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        var section = website.Section(request.SectionId);
        var input = new GenerationInput(request.Instruction.Trim(), website.Name, SectionCatalog.NameOf(section.Type), website.Id, section.PageId, section.Id);
        var fingerprint = GenerationSubmitter.Fingerprint(GenerationKind.Section, input);
        var generation = await submitter.FindReplayAsync(request.WorkspaceId, request.IdempotencyKey, fingerprint, cancellationToken)
            ?? await submitter.CommitAsync(
                await submitter.StageAsync(request.WorkspaceId, GenerationKind.Section, input, request.IdempotencyKey, fingerprint, cancellationToken),
                cancellationToken);
        return new SubmittedGenerationDto(generation.Id, generation.Status, generation.Price);
    }
}
