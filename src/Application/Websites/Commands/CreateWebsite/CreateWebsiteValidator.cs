using FluentValidation;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Commands.CreateWebsite;

internal sealed class CreateWebsiteValidator : AbstractValidator<CreateWebsite>
{
    public CreateWebsiteValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("A name is required.").MaximumLength(Website.MaxNameLength);
        RuleFor(x => x.Prompt).ValidPrompt();
        RuleFor(x => x.IdempotencyKey!).ValidIdempotencyKey().When(x => x.IdempotencyKey is not null);
    }
}
