using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;

namespace IaGenify.Application.Websites.Commands.RegenerateSection;

internal sealed class RegenerateSectionValidator : AbstractValidator<RegenerateSection>
{
    public RegenerateSectionValidator()
    {
        RuleFor(x => x.Instruction).ValidPrompt().OverridePropertyName("instruction");
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
