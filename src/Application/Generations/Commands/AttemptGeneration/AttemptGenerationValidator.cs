using FluentValidation;

namespace IaGenify.Application.Generations.Commands.AttemptGeneration;

internal sealed class AttemptGenerationValidator : AbstractValidator<AttemptGeneration>
{
    public AttemptGenerationValidator()
    {
        RuleFor(x => x.GenerationId).NotEmpty();
        RuleFor(x => x.LeaseToken).NotEmpty();
    }
}
