using FluentValidation;

namespace IaGenify.Application.Identity.Commands.VerifyEmail;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmail>
{
    public VerifyEmailValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("A token is required.").MaximumLength(200);
    }
}
