using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Commands.Login;

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("An email is required.").MaximumLength(User.MaxEmailLength);
        RuleFor(x => x.Password).NotEmpty().WithMessage("A password is required.").MaximumLength(PasswordRules.MaxLength);
    }
}
