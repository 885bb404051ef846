using FluentValidation;

namespace IaGenify.Application.Identity.Commands.ConfirmTotpEnrolment;

internal sealed class ConfirmTotpEnrolmentValidator : AbstractValidator<ConfirmTotpEnrolment>
{
    public ConfirmTotpEnrolmentValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("The code from your authenticator app is required.").MaximumLength(20);
    }
}
