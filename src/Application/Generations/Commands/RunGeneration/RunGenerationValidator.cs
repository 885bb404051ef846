using FluentValidation;

namespace IaGenify.Application.Generations.Commands.RunGeneration;

internal sealed class RunGenerationValidator : AbstractValidator<RunGeneration>
{
    public RunGenerationValidator()
    {
        RuleFor(x => x.GenerationId).NotEmpty();
        RuleFor(x => x.LeaseToken).NotEmpty();
    }
}
