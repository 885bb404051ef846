using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;

namespace IaGenify.Application.Assets.Commands.GenerateImage;

internal sealed class GenerateImageValidator : AbstractValidator<GenerateImage>
{
    public GenerateImageValidator()
    {
        RuleFor(x => x.Prompt).ValidPrompt();
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
