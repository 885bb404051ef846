using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.GeneratePage;

/// <summary>Queues a page generation; when it succeeds the page is added to the website (202 with the generation).</summary>
/// <param name="Prompt">What the new page is about, in plain words.</param>
[RequiresPermission(Permission.GenerationsCreate)]
[AiTool("pages_generate", "Add a page to a website, generated from a prompt.", SpendsCredits = true, PriceKey = "page.generate")]
public sealed record GeneratePage(Guid WorkspaceId, Guid WebsiteId, string Prompt, string? IdempotencyKey)
    : ICommand<SubmittedGenerationDto>, IWorkspaceRequest;

internal sealed class GeneratePageHandler(WebsiteEditing editing, GenerationSubmitter submitter) : IRequestHandler<GeneratePage, SubmittedGenerationDto>
{
    public async Task<SubmittedGenerationDto> Handle(GeneratePage request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        if (website.Pages.Count >= Website.MaxPages)
            throw new BusinessRuleException("website.too_many_pages", $"A website has at most {Website.MaxPages} pages.");
        var input = new GenerationInput(request.Prompt.Trim(), website.Name, WebsiteId: website.Id);
        var fingerprint = GenerationSubmitter.Fingerprint(GenerationKind.Page, input);
        var generation = await submitter.FindReplayAsync(request.WorkspaceId, request.IdempotencyKey, fingerprint, cancellationToken)
            ?? await submitter.CommitAsync(
                await submitter.StageAsync(request.WorkspaceId, GenerationKind.Page, input, request.IdempotencyKey, fingerprint, cancellationToken),
                cancellationToken);
        return new SubmittedGenerationDto(generation.Id, generation.Status, generation.Price);
    }
}
