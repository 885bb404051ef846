using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;

namespace IaGenify.Application.Websites.Commands.GeneratePage;

internal sealed class GeneratePageValidator : AbstractValidator<GeneratePage>
{
    public GeneratePageValidator()
    {
        RuleFor(x => x.Prompt).ValidPrompt();
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
