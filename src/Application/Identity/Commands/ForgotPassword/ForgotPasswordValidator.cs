using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Commands.ForgotPassword;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("An email is required.")
            .MaximumLength(User.MaxEmailLength).EmailAddress().WithMessage("This is not an email address.");
    }
}
