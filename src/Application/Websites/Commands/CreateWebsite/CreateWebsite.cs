using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.CreateWebsite;

/// <summary>
/// Creates an empty website and queues the generation that fills it, reserving its price in the same transaction
/// (402 and nothing created when it does not fit). An idempotency key replays the first answer.
/// </summary>
/// <param name="Name">The business or site name, shown in the header.</param>
/// <param name="Prompt">What the business does and what the site should say, in plain words.</param>
[RequiresPermission(Permission.GenerationsCreate)]
[AiTool("websites_create", "Create a website from a prompt: the site is generated in the background.", SpendsCredits = true, PriceKey = "website.generate")]
public sealed record CreateWebsite(Guid WorkspaceId, string Name, string Prompt, string? IdempotencyKey) : ICommand<CreatedWebsiteDto>, IWorkspaceRequest;

internal sealed class CreateWebsiteHandler(
    IRepository<Website> websites,
    IEntitlements entitlements,
    GenerationSubmitter submitter,
    TimeProvider clock) : IRequestHandler<CreateWebsite, CreatedWebsiteDto>
{
    private const int SlugAttempts = 5;

    public async Task<CreatedWebsiteDto> Handle(CreateWebsite request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        var prompt = request.Prompt.Trim();
        var fingerprint = GenerationSubmitter.Fingerprint("website.create", name, prompt);
        if (await submitter.FindReplayAsync(request.WorkspaceId, request.IdempotencyKey, fingerprint, cancellationToken) is { } replay)
            return Answer(replay);
        await entitlements.EnsureCanAddWebsiteAsync(request.WorkspaceId, cancellationToken);

        var website = Website.Create(request.WorkspaceId, name, await FreeSlugAsync(name, cancellationToken), clock.GetUtcNow());
        websites.Add(website);
        var generation = await submitter.StageAsync(request.WorkspaceId, GenerationKind.Website,
            new GenerationInput(prompt, name, WebsiteId: website.Id), request.IdempotencyKey, fingerprint, cancellationToken);
        var answered = await submitter.CommitAsync(generation, cancellationToken);
        return ReferenceEquals(answered, generation) ? new CreatedWebsiteDto(website.Id, generation.Id, website.Status) : Answer(answered);
    }

    private static CreatedWebsiteDto Answer(Generation generation) =>
        new(GenerationInput.FromJson(generation.Input).WebsiteId!.Value, generation.Id,
            generation.Status switch
            {
                GenerationStatus.Succeeded => WebsiteStatus.Ready,
                GenerationStatus.Failed or GenerationStatus.Cancelled => WebsiteStatus.GenerationFailed,
                _ => WebsiteStatus.Generating,
            });

    private async Task<string> FreeSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = SitePaths.SlugFrom(name);
        for (var attempt = 0; attempt < SlugAttempts; attempt++)
        {
            if (!await websites.AnyAsync(new SlugTakenSpec(slug), cancellationToken))
                return slug;
            slug = $"{SitePaths.SlugFrom(name)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..3])}";
        }
        return $"{SitePaths.SlugFrom(name)}-{Guid.NewGuid():N}"[..SitePaths.MaxSlugLength].TrimEnd('-');
    }
}
