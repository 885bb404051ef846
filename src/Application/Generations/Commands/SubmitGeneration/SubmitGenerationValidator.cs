using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Commands.SubmitGeneration;

internal sealed class SubmitGenerationValidator : AbstractValidator<SubmitGeneration>
{
    public SubmitGenerationValidator()
    {
        // A mail reply answers a thread: it is asked for through the mailbox, which grounds it in the thread.
        RuleFor(x => x.Kind).Must(k => Enum.IsDefined(k) && k != GenerationKind.MailReply).WithMessage("kind must be one of website, page, section, image.");
        RuleFor(x => x.Input).NotNull().WithMessage("input is required.");
        When(x => x.Input is not null, () =>
        {
            RuleFor(x => x.Input.Prompt).ValidPrompt().OverridePropertyName("input.prompt");
            RuleFor(x => x.Input.Name).MaximumLength(GenerationInput.MaxNameLength).OverridePropertyName("input.name");
            // Which section types exist is the Websites module's knowledge: its generator checks them (IGenerator.CheckInput).
            RuleFor(x => x.Input.SectionType).Null()
                .When(x => x.Kind != GenerationKind.Section)
                .OverridePropertyName("input.sectionType")
                .WithMessage("input.sectionType is only for section generations.");
        });
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
