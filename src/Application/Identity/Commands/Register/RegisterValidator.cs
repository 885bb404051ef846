using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Commands.Register;

internal sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("An email is required.")
            .MaximumLength(User.MaxEmailLength)
            .EmailAddress().WithMessage("This is not an email address.");
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("A display name is required.")
            .Must(n => n is null || n.Trim().Length > 0).WithMessage("A display name is required.")
            .MaximumLength(User.MaxDisplayNameLength);
    }
}
