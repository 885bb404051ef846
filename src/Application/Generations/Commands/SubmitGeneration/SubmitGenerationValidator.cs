using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Generations.Commands.SubmitGeneration;

internal sealed class SubmitGenerationValidator : AbstractValidator<SubmitGeneration>
{
    public SubmitGenerationValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("kind must be one of website, page, section, image.");
        RuleFor(x => x.Input).NotNull().WithMessage("input is required.");
        When(x => x.Input is not null, () =>
        {
            RuleFor(x => x.Input.Prompt).ValidPrompt().OverridePropertyName("input.prompt");
            RuleFor(x => x.Input.Name).MaximumLength(Website.MaxNameLength).OverridePropertyName("input.name");
            // Which section types exist is the Websites module's knowledge: its generator checks them (IGenerator.CheckInput).
            RuleFor(x => x.Input.SectionType).Null()
                .When(x => x.Kind != GenerationKind.Section)
                .OverridePropertyName("input.sectionType")
                .WithMessage("input.sectionType is only for section generations.");
        });
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
