using System.Text.Json.Nodes;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Websites.Generators;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

/// <summary>
/// Applies website, page and section generations started from a website to that website, in the transaction that
/// finishes them: a website gets its pages and theme, a page is added, a section's props are replaced.
/// </summary>
internal sealed class WebsiteGenerationCompletion(IRepository<Website> websites, TimeProvider clock) : IGenerationCompletion
{
    public bool Handles(Generation generation) =>
        generation.Kind is GenerationKind.Website or GenerationKind.Page or GenerationKind.Section
        && GenerationInput.FromJson(generation.Input).WebsiteId is not null;

    public async Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken)
    {
        var input = GenerationInput.FromJson(generation.Input);
        var website = await websites.FirstOrDefaultAsync(new WebsiteSpec(input.WebsiteId!.Value, tracking: true), cancellationToken)
            ?? throw GenerationNotAppliedException.TargetGone("website");
        var now = clock.GetUtcNow();
        switch (generation.Kind)
        {
            case GenerationKind.Website:
                website.ApplyGenerated(WebsiteOutputReader.ToTheme(output["theme"]!),
                    output["pages"]!.AsArray().Select(p => WebsiteOutputReader.ToDraft(p!)).ToList(), now);
                break;
            case GenerationKind.Page:
                if (website.Pages.Count >= Website.MaxPages)
                    throw GenerationNotAppliedException.Refused("website.too_many_pages", $"The website already has {Website.MaxPages} pages.");
                website.AddGeneratedPage(WebsiteOutputReader.ToDraft(output), now);
                break;
            case GenerationKind.Section:
                if (website.FindSection(input.SectionId!.Value) is null)
                    throw GenerationNotAppliedException.TargetGone("section");
                website.UpdateSection(input.SectionId.Value, WebsiteOutputReader.ToProps(output), now);
                break;
            default:
                throw new InvalidOperationException($"{generation.Kind} generations do not apply to websites.");
        }
    }

    public async Task OnFailedAsync(Generation generation, CancellationToken cancellationToken)
    {
        if (generation.Kind != GenerationKind.Website)
            return;
        var input = GenerationInput.FromJson(generation.Input);
        var website = await websites.FirstOrDefaultAsync(new WebsiteSpec(input.WebsiteId!.Value, tracking: true), cancellationToken);
        website?.MarkGenerationFailed(clock.GetUtcNow());
    }
}
