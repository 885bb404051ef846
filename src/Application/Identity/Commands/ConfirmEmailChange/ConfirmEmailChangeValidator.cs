using FluentValidation;

namespace IaGenify.Application.Identity.Commands.ConfirmEmailChange;

internal sealed class ConfirmEmailChangeValidator : AbstractValidator<ConfirmEmailChange>
{
    public ConfirmEmailChangeValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("A token is required.").MaximumLength(200);
    }
}
