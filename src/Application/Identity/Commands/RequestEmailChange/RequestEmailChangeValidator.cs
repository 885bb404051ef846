using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Commands.RequestEmailChange;

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(x => x.NewEmail).NotEmpty().WithMessage("The new email is required.")
            .MaximumLength(User.MaxEmailLength)
            .EmailAddress().WithMessage("This is not an email address.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Your password is required.").MaximumLength(PasswordRules.MaxLength);
    }
}
